// Contact normalisation shared by the service, the CSV rules and the renderer (browser-safe).
export * from './contact';
export * from './email';
export * from './phone';
