// electron-store instances (JSON files in the app's userData folder) behind the services'
// KeyValueStore interface. Keys are never split on dots (profile ids are used in keys).
import ElectronStore from 'electron-store';
import type { StoreFactory } from '../services/key-value-store';

export function createElectronStoreFactory(): StoreFactory {
  return (name) =>
    new ElectronStore<Record<string, unknown>>({ name, accessPropertiesByDotNotation: false });
}
