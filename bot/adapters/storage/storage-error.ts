/** Storage failed (disk, lock, corrupt file, unreachable server); keeps the driver's error as `cause`. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
