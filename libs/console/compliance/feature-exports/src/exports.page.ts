import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PageState } from '@keyward/console/shared/ui';
import { AuditEvidenceStore, EXPORT_KIND_WORDS, ExportDownloadStore, keyNameAndIdOf, type AuditKey, type DownloadState } from '@keyward/console/compliance/data-access';
import { CopyButton } from './copy-button';
import { downloadOutcomeOf, progressWordsOf } from './download-words';
import { draftFor, requestOf, type ExportDraft } from './export-draft';
import { verifyCommand } from './verify-command';

/** What the checkpoint panel says when the log has none. */
export const NO_CHECKPOINT = 'The log has no checkpoint yet: Keyward signs one periodically once there are events. Read it again in a minute.';
export const NO_KEYS = 'No verifier key of this tenant is published yet: it is told by the checkpoint it signs, and the log has none yet.';

/**
 * Exports for auditors and global admins (auditLog.export): a bundle of the audit log (a range of
 * records), one user's usage history or the inventory, downloaded as a stream with its progress
 * and a cancel, then saved; the latest signed checkpoint bundles are drawn from, the tenant's
 * verifier keys, and the command that verifies a bundle offline.
 */
@Component({
  selector: 'kw-exports-page',
  imports: [DatePipe, FormsModule, PageState, CopyButton],
  providers: [AuditEvidenceStore, ExportDownloadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exports.page.html',
  styles: `
    .exports-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
    .export-form fieldset { display: grid; gap: 12px; margin: 0 0 12px; padding: 12px; min-width: 0; }
    /* Labels stack over their control here; the global fieldset rule is for rows of checkboxes. */
    .export-form fieldset label { display: grid; gap: 4px; align-items: start; }
    .export-form input:not([type='radio']) { width: 100%; min-width: 0; }
    .export-form fieldset.kinds label { display: flex; align-items: center; gap: 8px; color: var(--ink); }
    .export-form legend { font-weight: 600; padding: 0 4px; }
    .range { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
    pre, .key { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
    pre { background: var(--page); border: 1px solid var(--line); padding: 10px 12px; border-radius: 6px; margin: 8px 0; }
    figure { margin: 0 0 8px; }
    figcaption { font-size: 0.85rem; color: var(--muted); }
    .checkpoint-facts { grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); }
    .keys { list-style: none; padding: 0; margin: 0 0 8px; display: grid; gap: 8px; }
    .keys li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; display: grid; gap: 6px; }
    .keys li.current { border: 2px solid var(--accent); background: #eef3fb; }
    .key-state { font-size: 0.85rem; color: var(--muted); }
    .key-state strong { color: var(--ink); }
  `,})
export class ExportsPage implements OnInit {
  protected readonly evidence = inject(AuditEvidenceStore);
  protected readonly downloads = inject(ExportDownloadStore);
  protected readonly noCheckpoint = NO_CHECKPOINT;
  protected readonly noKeys = NO_KEYS;
  protected readonly draft = signal<ExportDraft>(draftFor(null));
  /** Whether the form was sent once: only then does it point at what is wrong. */
  protected readonly isSubmitted = signal(false);
  protected readonly latestSize = computed(() => this.evidence.checkpoint()?.size ?? null);
  protected readonly problem = computed(() => (this.isSubmitted() ? requestOf(this.draft(), this.latestSize()).problem : null));
  /** The running download, or null. */
  protected readonly running = computed(() => {
    const state = this.downloads.state();
    return state.status === 'running' ? state : null;
  });
  /** How the last download ended, or null. */
  protected readonly outcome = computed(() => downloadOutcomeOf(this.downloads.state()));
  protected readonly command = computed(() => verifyCommand(this.downloads.lastFileName(), this.evidence.verifyingKey()?.verifierKey ?? null));

  ngOnInit(): void {
    void this.readCheckpoint();
  }

  /** Reads the checkpoint and keys again; a range left at the whole log follows the new size. */
  protected async readCheckpoint(): Promise<void> {
    const before = this.latestSize();
    await this.evidence.load();
    const after = this.latestSize();
    if (after !== null && this.draft().to === (before === null ? '' : String(before))) this.edit('to', String(after));
  }

  protected edit(field: keyof ExportDraft, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  /** `true` for the field the problem is in, for aria-invalid; null otherwise. */
  protected invalid(field: keyof ExportDraft): 'true' | null {
    return this.problem()?.field === field ? 'true' : null;
  }

  protected async download(): Promise<void> {
    this.isSubmitted.set(true);
    const { request } = requestOf(this.draft(), this.latestSize());
    if (!request) return;
    this.isSubmitted.set(false);
    await this.downloads.download(request);
  }

  protected progressWords(running: Extract<DownloadState, { status: 'running' }>): string {
    return progressWordsOf(running, EXPORT_KIND_WORDS[running.kind]);
  }

  protected keyIdOf(key: AuditKey): string {
    return keyNameAndIdOf(key.verifierKey).keyId;
  }

  /** Its key id, when it was made, and whether it signed the latest checkpoint. */
  protected keyFacts(key: AuditKey): string {
    const signed = key === this.evidence.signingKey() ? ' · signed the latest checkpoint' : '';
    return `id ${this.keyIdOf(key)} · created ${key.createdAt.slice(0, 10)}${signed}`;
  }
}
