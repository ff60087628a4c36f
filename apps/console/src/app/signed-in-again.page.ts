import { ChangeDetectionStrategy, Component, type OnInit } from '@angular/core';
import { SIGNED_IN_AGAIN } from '@keyward/console/shared/data-access';

/**
 * The last page of a step-up through single sign-on, in the window the step-up dialog opened:
 * it tells the console's windows that the user signed in again (a broadcast channel of this
 * origin), and closes if the browser lets it.
 */
@Component({
  selector: 'kw-signed-in-again-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p role="status">You confirmed who you are. You can close this window.</p>`,
})
export class SignedInAgainPage implements OnInit {
  ngOnInit(): void {
    const channel = new BroadcastChannel(SIGNED_IN_AGAIN);
    channel.postMessage('signed-in');
    channel.close();
    window.close();
  }
}
