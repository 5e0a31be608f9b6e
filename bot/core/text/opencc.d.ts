// opencc-js publishes its parts through package "exports", which moduleResolution "node" does not
// read; the part we use (traditional → simplified dictionaries only) is typed here.
declare module 'opencc-js/t2cn' {
  /** A converter between locales, e.g. { from: 'hk', to: 'cn' }. */
  export function Converter(options: { from: 'hk' | 'tw' | 'twp' | 't'; to: 'cn' }): (text: string) => string;
}
