import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';
import { BulkRevocationStore, RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { BulkRevokeDialog, LeakMatchTable } from '@keyward/console/incidents/ui';
import { leakReasonOf, sizeInWords, type BulkRevocationRequest } from '@keyward/console/incidents/util';
import { LeakIntakeStore } from './leak-intake.store';

/**
 * Leak intake: paste text or upload a file where app passwords may have leaked; see what the
 * scan found (candidates, the tenant's matches, which are proven) and, with incidents.respond,
 * revoke the proven active ones as one revocation case, then follow it on its page.
 */
@Component({
  selector: 'kw-leak-intake-page',
  imports: [DatePipe, FormsModule, LeakMatchTable, BulkRevokeDialog],
  providers: [LeakIntakeStore, BulkRevocationStore, RevocationCaseStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './leak-intake.page.html',
})
export class LeakIntakePage {
  protected readonly store = inject(LeakIntakeStore);
  protected readonly session = inject(SessionStore);
  protected readonly bulkRevocation = inject(BulkRevocationStore);
  private readonly router = inject(Router);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  /** The pasted text; forgotten once scanned, so no secret stays on the page. */
  protected readonly text = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly sizeInWords = sizeInWords;
  protected readonly canRespond = computed(() => this.session.can('incidents.respond'));
  /** The proven matches still active: what a case would revoke. */
  protected readonly revocableIds = computed(() => this.store.scan()?.provenActiveIds ?? []);

  protected async scanText(): Promise<void> {
    if (await this.store.scanText(this.text())) this.text.set('');
  }

  protected chooseFile(files: FileList | null): void {
    this.file.set(files?.[0] ?? null);
  }

  protected async scanFile(): Promise<void> {
    const file = this.file();
    if (!file || !(await this.store.scanFile(file))) return;
    this.file.set(null);
    this.fileInput().nativeElement.value = '';
  }

  protected revokeAsCase(): void {
    const scan = this.store.scan();
    if (scan) this.bulkRevocation.open({ ids: this.revocableIds(), origin: 'proven', reason: leakReasonOf(scan.id) });
  }

  /** Opens the case; once the server took it, its page follows it. */
  protected async revoke(request: BulkRevocationRequest): Promise<void> {
    const started = await this.bulkRevocation.revoke(request);
    if (started) await this.router.navigate(['/incidents/cases', started.id]);
  }
}
