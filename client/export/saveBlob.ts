/**
 * Saves a fetched file under a name: an object URL and a temporary `<a download>`. The export
 * needs the bearer token, so a plain link to the export URL cannot download it.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers read the URL after click() returns; a minute is ample and frees the file.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
