import { DOCUMENT, inject, Injectable } from '@angular/core';

/**
 * Saves a downloaded file as the browser saves a link's: an object URL on an anchor with a
 * `download` name, clicked, then let go of once the browser has taken it.
 */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const anchor = this.document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.hidden = true;
    this.document.body.append(anchor);
    anchor.click();
    anchor.remove();
    // The click starts the download at once; the URL can go a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}
