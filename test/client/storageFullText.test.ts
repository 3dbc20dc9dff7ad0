/**
 * The board page's storage-full line names what could not be kept: typed text that
 * sessionStorage refused was announced as "notices of lost edits and changes the server
 * refused", which were kept.
 */
import { describe, expect, it } from 'vitest';
import { storageFullText } from '../../client/board/storageFullText';

describe('storageFullText', () => {
  it('names typed text when that is what was refused, alone or with the rest', () => {
    expect(storageFullText({ invite: false, records: false, typing: true })).toBe(
      'This browser’s storage is full: text typed here and not yet saved is lost if this page ' +
        'reloads or leaves the board.',
    );
    expect(storageFullText({ invite: false, records: true, typing: true })).toBe(
      'This browser’s storage is full: notices of lost edits and changes the server refused are ' +
        'kept only until this page is closed, and text typed here and not yet saved is lost if ' +
        'this page reloads or leaves the board.',
    );
    expect(storageFullText({ invite: true, records: false, typing: true })).toBe(
      'This browser’s storage is full, so it could not keep this board’s invite: once this page ' +
        'is closed, open the invite link again to come back. Text typed here and not yet saved ' +
        'is lost if this page reloads or leaves the board.',
    );
  });

  it('says the records and the invite as before, and nothing when all is kept', () => {
    expect(storageFullText({ invite: false, records: true, typing: false })).toBe(
      'This browser’s storage is full: notices of lost edits and changes the server refused are ' +
        'kept only until this page is closed.',
    );
    expect(storageFullText({ invite: true, records: true, typing: false })).toBe(
      'This browser’s storage is full, so it could not keep this board’s invite: once this page ' +
        'is closed, open the invite link again to come back. Notices of lost edits and changes ' +
        'the server refused are kept only until then too.',
    );
    expect(storageFullText({ invite: false, records: false, typing: false })).toBeNull();
  });
});
