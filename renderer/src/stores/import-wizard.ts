// The import wizard's state: the Setup choices, the open draft (rows stay in main), the upload main
// runs for it (polled), and the Import screen's lists — drafts, unfinished uploads, recent files.
import { defineStore } from 'pinia';
import type {
  CsvCounts,
  CsvOpenProgress,
  CsvOpenResult,
  DraftListItem,
  DraftSummary,
  RecentFile,
} from '../../../common/ipc/csv-contract';
import type { UploadStatus } from '../../../common/ipc/import-upload';
import { linedesk } from '../bridge/linedesk';
import { errorMessage } from '../api/api-error';
import { getImportResultsCsv, listImports } from '../api/imports';
import type { ImportJob } from '../../../common/api/imports';
import { useSessionStore } from './session';

export const wizardSteps = ['setup', 'file', 'review', 'import', 'results'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** Where a file comes from: main's Open dialog, a drop on the window, or the recent list. */
export type FileSource =
  { kind: 'dialog' } | { kind: 'drop'; file: File } | { kind: 'recent'; id: string };

interface State {
  step: WizardStep;
  organizationId: string | null;
  applications: 'MultiLine'[];
  /** null: the organization's default profile. */
  permissionProfileId: string | null;
  draft: DraftSummary | null;
  opening: boolean;
  /** How far the file being opened is (null before main's first report). */
  openProgress: CsvOpenProgress | null;
  /** True once Cancel was pressed for the file being opened. */
  cancellingOpen: boolean;
  /** A whole-file problem or a failure to open, as one sentence. */
  fileProblem: string | null;
  upload: UploadStatus | null;
  drafts: DraftListItem[];
  uploads: UploadStatus[];
  recent: RecentFile[];
  /** The service's import history (newest first) and why it could not load. */
  history: ImportJob[];
  historyError: string | null;
  /** A sentence when a call to main failed. */
  error: string | null;
}

const POLL_MS = 400;
let pollTimer: ReturnType<typeof setTimeout> | null = null;

const RUNNING = new Set(['sending', 'waiting', 'completing']);

export const useImportWizardStore = defineStore('importWizard', {
  state: (): State => ({
    step: 'setup',
    organizationId: null,
    applications: ['MultiLine'],
    permissionProfileId: null,
    draft: null,
    opening: false,
    openProgress: null,
    cancellingOpen: false,
    fileProblem: null,
    upload: null,
    drafts: [],
    uploads: [],
    recent: [],
    history: [],
    historyError: null,
    error: null,
  }),
  getters: {
    counts: (state): CsvCounts | null => state.draft?.counts ?? null,
    uploading: (state) => state.upload !== null && RUNNING.has(state.upload.phase),
    /** Uploads left unfinished (paused, interrupted by a restart, waiting for numbers). */
    unfinished: (state) => state.uploads.filter((upload) => upload.phase !== 'completed'),
  },
  actions: {
    async loadLists(): Promise<void> {
      const bridge = linedesk();
      const [drafts, uploads, recent] = await Promise.allSettled([
        bridge.drafts.list(),
        bridge.upload.list(),
        bridge.recentFiles.list(),
      ]);
      if (drafts.status === 'fulfilled') this.drafts = drafts.value;
      if (uploads.status === 'fulfilled') this.uploads = uploads.value;
      if (recent.status === 'fulfilled') this.recent = recent.value;
    },

    async loadHistory(): Promise<void> {
      try {
        this.history = (await listImports(1, 25)).items;
        this.historyError = null;
      } catch (error) {
        this.historyError = errorMessage(error);
      }
    },

    /** Saves a job's results CSV through main's Save dialog; the saved path, or null if cancelled. */
    async saveResultsCsv(jobId: string, fileName: string): Promise<string | null> {
      const result = await linedesk().files.saveCsv({
        suggestedName: `${fileName.replace(/\.[^.]*$/, '')} - results.csv`,
        content: await getImportResultsCsv(jobId),
      });
      return result.saved ? result.filePath : null;
    },

    async deleteDraft(draftId: string): Promise<void> {
      try {
        await linedesk().drafts.delete({ draftId });
        if (this.draft?.draftId === draftId) this.startOver();
      } catch (error) {
        this.error = errorMessage(error);
      }
      await this.loadLists();
    },

    /** Back to an empty Setup step (the previous draft stays in the list). */
    startOver(): void {
      this.stopPolling();
      this.step = 'setup';
      this.draft = null;
      this.upload = null;
      this.fileProblem = null;
      this.error = null;
    },

    async openFile(source: FileSource): Promise<void> {
      const bridge = linedesk();
      const organizationId = this.organizationId;
      // Cancel (or closing the Open dialog) brings the wizard back to this step, draft unchanged.
      const stepBefore = this.step;
      this.opening = true;
      this.openProgress = null;
      this.cancellingOpen = false;
      this.fileProblem = null;
      this.step = 'file';
      const stopListening = bridge.csv.onOpenProgress((progress) => {
        if (this.opening) this.openProgress = progress;
      });
      try {
        let result: CsvOpenResult;
        if (source.kind === 'dialog') result = await bridge.csv.open({ organizationId });
        else if (source.kind === 'drop')
          result = await bridge.csv.openDropped({ file: source.file, organizationId });
        else result = await bridge.recentFiles.open({ id: source.id, organizationId });
        if (result.outcome === 'cancelled') this.step = stepBefore;
        this.adoptOpened(result);
      } catch (error) {
        this.fileProblem = errorMessage(error);
      } finally {
        stopListening();
        this.opening = false;
        this.openProgress = null;
        this.cancellingOpen = false;
      }
      void this.loadLists();
    },

    /** Stops the file being opened: main leaves no draft behind. */
    async cancelOpen(): Promise<void> {
      if (!this.opening) return;
      this.cancellingOpen = true;
      try {
        await linedesk().csv.cancelOpen();
      } catch (error) {
        this.cancellingOpen = false;
        this.fileProblem = errorMessage(error);
      }
    },

    adoptOpened(result: CsvOpenResult): void {
      if (result.outcome === 'cancelled') return;
      if (result.outcome === 'fileError') {
        this.fileProblem = `${result.name}: ${result.fileError.message}`;
        return;
      }
      this.draft = result.draft;
      this.upload = null;
      this.step = 'review';
    },

    /** Reopens a draft where it stopped: its upload if it has one, else Review. */
    async openDraft(draftId: string): Promise<void> {
      this.error = null;
      try {
        this.draft = await linedesk().drafts.open({ draftId });
        if (this.draft.organizationId) this.organizationId = this.draft.organizationId;
        const uploads = await linedesk().upload.list();
        this.uploads = uploads;
        const upload = uploads.find((candidate) => candidate.draftId === draftId) ?? null;
        this.upload = upload;
        if (upload) {
          this.organizationId = upload.settings.organizationId;
          this.permissionProfileId = upload.settings.permissionProfileId;
          this.step = upload.phase === 'completed' ? 'results' : 'import';
          if (upload.running) this.poll();
        } else {
          this.step = 'review';
        }
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    /**
     * After sign-in: uploads this connection left when the app closed carry on by themselves (the
     * admin was asked before quitting). Answers their file names for a notice.
     */
    async resumeInterrupted(): Promise<string[]> {
      const session = useSessionStore();
      const uploads = await linedesk().upload.list();
      const interrupted = uploads.filter(
        (upload) =>
          upload.problem?.code === 'INTERRUPTED' && upload.profileId === session.profile?.id,
      );
      for (const upload of interrupted)
        await linedesk().upload.resume({ uploadId: upload.uploadId });
      this.uploads = await linedesk().upload.list();
      return interrupted.map((upload) => upload.fileName);
    },

    /** Picks up an unfinished upload from the Import screen. */
    async resumeUpload(uploadId: string): Promise<void> {
      this.error = null;
      try {
        const upload = await linedesk().upload.resume({ uploadId });
        await this.openDraft(upload.draftId).catch(() => undefined);
        this.upload = upload;
        this.step = 'import';
        this.poll();
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    /** New counts after an edit or a deletion: the draft and its line in the Drafts list. */
    setCounts(counts: CsvCounts): void {
      if (!this.draft) return;
      const draftId = this.draft.draftId;
      this.draft = { ...this.draft, counts };
      this.drafts = this.drafts.map((item) =>
        item.draftId === draftId ? { ...item, rows: counts.rows, problems: counts.invalid } : item,
      );
    },

    async recheck(): Promise<void> {
      if (!this.draft) return;
      try {
        this.draft = await linedesk().csv.recheck({
          draftId: this.draft.draftId,
          organizationId: this.organizationId,
        });
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    async startUpload(invite: boolean): Promise<void> {
      const session = useSessionStore();
      if (!this.draft || !this.organizationId || !session.profile) return;
      this.error = null;
      try {
        this.upload = await linedesk().upload.start({
          profileId: session.profile.id,
          draftId: this.draft.draftId,
          settings: {
            organizationId: this.organizationId,
            applications: [...this.applications],
            permissionProfileId: this.permissionProfileId,
            invite,
          },
        });
        this.poll();
        // The Drafts list says the upload started.
        void this.loadLists();
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    async cancelUpload(): Promise<void> {
      if (!this.upload) return;
      try {
        this.upload = await linedesk().upload.cancel({ uploadId: this.upload.uploadId });
      } catch (error) {
        this.error = errorMessage(error);
      }
    },

    /** Resume after a pause, or complete once numbers were added. */
    async continueUpload(): Promise<void> {
      if (!this.upload) return;
      await this.resumeUpload(this.upload.uploadId);
    },

    poll(): void {
      this.stopPolling();
      const tick = async () => {
        pollTimer = null;
        if (!this.upload) return;
        try {
          this.upload = await linedesk().upload.status({ uploadId: this.upload.uploadId });
        } catch (error) {
          this.error = errorMessage(error);
          return;
        }
        if (this.upload.phase === 'completed') {
          this.step = 'results';
          void this.loadLists();
        }
        if (this.upload.running) pollTimer = setTimeout(() => void tick(), POLL_MS);
        else void this.loadLists();
      };
      pollTimer = setTimeout(() => void tick(), 0);
    },

    stopPolling(): void {
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
    },

    async fixFailedRows(): Promise<void> {
      if (!this.upload) return;
      this.error = null;
      try {
        const result = await linedesk().upload.fixFailedRows({ uploadId: this.upload.uploadId });
        this.stopPolling();
        this.adoptOpened(result);
        void this.loadLists();
      } catch (error) {
        this.error = errorMessage(error);
      }
    },
  },
});
