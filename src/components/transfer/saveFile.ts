/**
 * Hands a file to the browser to save (its download bar, or the share sheet on a phone). The
 * text is built on the device and never leaves it otherwise.
 */
export function saveFile(name: string, text: string | Blob, type: string): void {
  saveBlob(name, new Blob([text], { type }));
}

/** The same for bytes made on the device (a DOCX report). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
