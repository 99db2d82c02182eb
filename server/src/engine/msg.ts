// The one way to produce bilingual text: build a Msg with msg(vi, en) where
// the text is written, turn it into a string with localize() where it is shown
// (the server, the CLI). No `locale === 'vi' ? … : …` elsewhere.
import type { Locale, Msg } from './types';

export function msg(vi: string, en: string): Msg {
  return { vi, en };
}

export function localize(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.vi;
}
