// A CSV dropped anywhere on the window opens in the import wizard, and Ctrl/Cmd+O (or File → Open
// CSV File…) opens main's Open dialog, on every screen after sign-in; File → Open Recent reopens a
// file by its id in main's recent list. The page hands the File to the bridge, never a path.
import { onBeforeUnmount, onMounted, ref } from 'vue';
import { useRouter } from 'vue-router';
import type { MenuCommand, MenuCommandDetail } from '../../../common/ipc/channels';
import { linedesk } from '../bridge/linedesk';
import { useImportWizardStore, type FileSource } from '../stores/import-wizard';

/** Registers the window's drop target and shortcut; `dragging` is true while a file is held over it. */
export function useFileDrop() {
  const router = useRouter();
  const wizard = useImportWizardStore();
  const dragging = ref(false);
  let depth = 0;

  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

  function onDragEnter(event: DragEvent): void {
    if (!hasFiles(event)) return;
    depth++;
    dragging.value = true;
  }
  function onDragLeave(event: DragEvent): void {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) dragging.value = false;
  }
  function onDragOver(event: DragEvent): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }
  function onDrop(event: DragEvent): void {
    depth = 0;
    dragging.value = false;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    if (wizard.uploading) return;
    void router.push({ name: 'import' });
    void wizard.openFile({ kind: 'drop', file });
  }
  /** Opens a file in the wizard unless an upload or another open is under way. */
  function open(source: FileSource): void {
    if (wizard.uploading || wizard.opening) return;
    void router.push({ name: 'import' });
    void wizard.openFile(source);
  }
  function onKeydown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
      event.preventDefault();
      open({ kind: 'dialog' });
    }
  }
  function onMenuCommand(command: MenuCommand, detail: MenuCommandDetail): void {
    if (command === 'openFile') open({ kind: 'dialog' });
    else if (command === 'openRecentFile' && detail.recentFileId)
      open({ kind: 'recent', id: detail.recentFileId });
  }
  let stopMenu: (() => void) | null = null;

  onMounted(() => {
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('keydown', onKeydown);
    try {
      stopMenu = linedesk().menu.onCommand(onMenuCommand);
    } catch {
      // Outside the desktop shell there is no menu.
    }
  });
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', onDragEnter);
    window.removeEventListener('dragleave', onDragLeave);
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
    window.removeEventListener('keydown', onKeydown);
    stopMenu?.();
  });
  return { dragging };
}
