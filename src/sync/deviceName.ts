/** A name a person recognises their device by in a list of devices (they may change it): "Firefox on Windows". */
export function defaultDeviceName(userAgent: string): string {
  const system = (
    [
      ['Android', /Android/],
      ['iPhone', /iPhone/],
      ['iPad', /iPad/],
      ['Windows', /Windows/],
      ['macOS', /Mac OS X|Macintosh/],
      ['ChromeOS', /CrOS/],
      ['Linux', /Linux/],
    ] as const
  ).find(([, pattern]) => pattern.test(userAgent))?.[0];
  const browser = (
    [
      ['Firefox', /Firefox\//],
      ['Edge', /Edg\//],
      ['Opera', /OPR\//],
      ['Chrome', /Chrome\/|Chromium\//],
      ['Safari', /Safari\//],
    ] as const
  ).find(([, pattern]) => pattern.test(userAgent))?.[0];
  return [browser, system].filter(Boolean).join(' on ') || 'Browser';
}
