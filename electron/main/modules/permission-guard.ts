// Denies every permission a page may ask for (camera, notifications, geolocation, devices…):
// the admin tool needs none of them.
export interface PermissionSession {
  setPermissionRequestHandler(
    handler:
      | ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: unknown, permission: string) => boolean) | null,
  ): void;
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void;
}

export function installPermissionGuard(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
