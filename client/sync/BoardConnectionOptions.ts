/**
 * What opens a board's connection (new BoardConnection): who, where, and the stores and
 * callbacks the page gives it. Its own file because openProvider reads it too.
 */
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board';
import type { Role } from '../../shared/roles';
import type { LostEditStore } from './lostEditStore';
import type { OwnWriteStore } from './lostWork';
import type { PageFrames } from './pageFrames';
import type { NetworkEvents } from './reconnectPolicy';
import type { AckStore } from './SaveTracker';
import type { SetAsideStore } from './setAsideStore';

export interface BoardConnectionOptions {
  readonly boardId: string;
  readonly token: string;
  readonly role: Role;
  /** The local user: `id` is their invite id, as the server attributes their writes. */
  readonly actor: Actor;
  /** The server's origin, e.g. `http://localhost:8080`; null for no network (tests). */
  readonly serverUrl: string | null;
  /** Keep a copy in IndexedDB (browser only). */
  readonly persist: boolean;
  readonly ackStore?: AckStore;
  /** Where this person's card edits are kept across a reload, to report lost ones. */
  readonly ownWriteStore?: OwnWriteStore;
  /** Where the notices of their lost edits are kept across a reload, until dismissed. */
  readonly lostEditStore?: LostEditStore;
  readonly WebSocketPolyfill?: typeof WebSocket;
  /**
   * The server closed the connection because a lead changed this invite's role (4205). The
   * connection waits: its commands are bound to the old role. Open one with the new role, or
   * call reconnect() if the role is the same after all.
   */
  readonly onRoleChanged?: () => void;
  /** Where the changes the server refused are kept across a reload, until dismissed. */
  readonly setAsideStore?: SetAsideStore;
  /**
   * The server refused changes that only this device's copy held (4403: written with a client
   * id bound to an earlier invite, or that this role may not make). They are set aside and the
   * copy is gone: open a new connection (a new doc, so a new client id) to carry on.
   */
  readonly onStaleCopy?: () => void;
  /** Injected for tests; the browser's `window` by default. */
  readonly network?: NetworkEvents | null;
  /**
   * Injected for tests; the browser's document and animation frames by default. Null: no
   * frames (Node), a colleague's changes are told by a timer.
   */
  readonly frames?: PageFrames | null;
  /** How long a connected socket may be silent before it is replaced (tests); SILENCE_MS. */
  readonly silenceMs?: number;
  /** How long colleagues' presence clocks are kept after they left (tests); forgetDepartedClients. */
  readonly presenceForgetMs?: number;
  readonly doc?: Y.Doc;
}
