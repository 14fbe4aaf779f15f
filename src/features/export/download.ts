/** Hands a generated file to the browser as a download (a same-origin blob: URL, no request). */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; give them time before it is freed.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The app's own address without its query or fragment: the base of every deep link. */
export function appBaseUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}
