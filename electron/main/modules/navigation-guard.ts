// Keeps every web page of the app on its own origin: navigation elsewhere, new windows and
// <webview> are refused; allow-listed external links go to the system browser instead.
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  isAppUrl(url: string): boolean;
  isAllowedExternal(url: string): boolean;
  openExternal(url: string): void;
}

export function installNavigationGuards(
  contents: GuardedContents,
  options: NavigationGuardOptions,
): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    // A plain link to an allowed site (e.g. help) still opens, in the system browser.
    if (options.isAllowedExternal(url)) options.openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (options.isAllowedExternal(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}
