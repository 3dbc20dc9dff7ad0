import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/app/api';
import { errorMessage } from '../../client/ui/errorMessage';

describe('errorMessage', () => {
  it("says an error's message, in the server's words for a refusal", () => {
    expect(errorMessage(new Error('Boom.'))).toBe('Boom.');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(new ApiError(404, 'card_not_found', 'no deleted card with this id'))).toBe(
      'no deleted card with this id',
    );
    expect(errorMessage(new ApiError(503, 'extract_busy', 'Too many articles…'))).toBe(
      'Too many articles…',
    );
  });

  it('says the server is restarting when it refused or stopped the work because it is stopping', () => {
    for (const code of [
      'shutting_down',
      'extract_shutting_down',
      'import_shutting_down',
      'export_shutting_down',
      'restore_shutting_down',
    ]) {
      expect(errorMessage(new ApiError(503, code, 'The server is shutting down.'))).toBe(
        'The server is restarting; try again in a moment.',
      );
    }
  });
});
