import { EventEmitter } from 'node:events';
import iconv from 'iconv-lite';
import encodingJapanese from 'encoding-japanese';

/**
 * Decoding for the charsets real mail gets wrong: GB2312 that is really GBK/GB18030,
 * "ISO-2022-JP" that is really EUC-JP or Shift_JIS (8-bit, no escape sequences),
 * bogus or unknown charset names, and 8-bit text with no declaration at all.
 */

const CJK_CANDIDATES = ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'] as const;

/** Decodes bytes declared as `declared` (possibly wrongly, possibly not at all) to text. */
export function decodeText(bytes: Buffer, declared: string | undefined): string {
  const charset = normalizeCharset(declared);
  if (/^(iso-?2022-?jp|jis)/.test(charset)) {
    if (bytes.includes(0x1b) || !hasHighBytes(bytes)) return japanese(bytes, 'JIS');
    return japanese(bytes, encodingJapanese.detect(bytes) === 'SJIS' ? 'SJIS' : 'EUCJP');
  }
  if (charset === '' || charset === 'us-ascii' || charset === 'ascii' || charset === 'utf-8' || charset === 'utf8') {
    if (!hasHighBytes(bytes) || isValidUtf8(bytes)) return bytes.toString('utf8');
    return sniff(bytes);
  }
  if (/^(gb2312|gbk|x-gbk|euc-cn|cp936|gb_2312-80|chinese)$/.test(charset)) return iconv.decode(bytes, 'gb18030');
  if (charset === 'ks_c_5601-1987') return iconv.decode(bytes, 'cp949');
  if (iconv.encodingExists(charset)) return iconv.decode(bytes, charset);
  return isValidUtf8(bytes) ? bytes.toString('utf8') : sniff(bytes);
}

function normalizeCharset(declared: string | undefined): string {
  return (declared ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '');
}

function japanese(bytes: Buffer, from: 'JIS' | 'SJIS' | 'EUCJP'): string {
  const out = encodingJapanese.convert(bytes, { to: 'UNICODE', from, type: 'string' });
  return typeof out === 'string' ? out : bytes.toString('latin1');
}

function hasHighBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Undeclared 8-bit text: the CJK encoding under which the text reads most like
 * real text (common ideographs, kana, hangul; no replacement or control characters),
 * else Windows-1252, which every Western mailer of the past used.
 */
function sniff(bytes: Buffer): string {
  // Six trial decodings and scorings of a multi-megabyte part would cost more than parsing it: guess on its start.
  const sample = bytes.length > SNIFF_SAMPLE_BYTES ? bytes.subarray(0, SNIFF_SAMPLE_BYTES) : bytes;
  const japaneseGuess = encodingJapanese.detect(sample);
  const western = iconv.decode(sample, 'windows-1252');
  let best = { charset: 'windows-1252', text: western, score: 0.9 * latinLetterShare(western) };
  for (const candidate of CJK_CANDIDATES) {
    if ((candidate === 'shift_jis' && japaneseGuess !== 'SJIS') || (candidate === 'euc-jp' && japaneseGuess !== 'EUCJP')) continue;
    const text = iconv.decode(sample, candidate);
    // GB18030 reads almost any byte pairs as ideographs; real Japanese text has kana, so prefer it when present.
    const japaneseBonus = (candidate === 'shift_jis' || candidate === 'euc-jp') && /[\u3040-\u30ff]/u.test(text) ? 0.5 : 0;
    const score = readability(text) + japaneseBonus - sandwichedShare(text);
    if (score > best.score) best = { charset: candidate, text, score };
  }
  return sample === bytes ? best.text : iconv.decode(bytes, best.charset);
}

/** Bytes the charset guess reads: far more than it needs to tell the encodings apart. */
const SNIFF_SAMPLE_BYTES = 64 * 1024;

/** Share of non-ASCII characters that are common CJK, kana or hangul (not replacement/private-use/rare). */
function readability(text: string): number {
  let nonAscii = 0;
  let good = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) good++;
  }
  return nonAscii === 0 ? 0 : good / nonAscii;
}

/** Share of non-ASCII characters that are accented Latin letters (Western text read as Windows-1252). */
function latinLetterShare(text: string): number {
  let nonAscii = 0;
  let letters = 0;
  for (const character of text) {
    if (character.codePointAt(0)! < 0x80) continue;
    nonAscii++;
    if (LATIN_LETTER.test(character) && character !== '×' && character !== '÷') letters++;
  }
  return nonAscii === 0 ? 0 : letters / nonAscii;
}
const LATIN_LETTER = /[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u017d\u017e\u0178]/u;

/** Share of ideographs wedged inside a Latin word ("Gr晧e"): the mark of Latin bytes misread as CJK. */
function sandwichedShare(text: string): number {
  const ideographs = text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  if (ideographs === 0) return 0;
  return (text.match(/[A-Za-z][\u4e00-\u9fff]{1,2}(?=[A-Za-z])/gu)?.length ?? 0) / ideographs;
}

/**
 * A node-iconv compatible constructor for mailparser's `Iconv` option, so body
 * parts are decoded by `decodeText` instead of trusting the declared charset.
 */
export class SniffingIconv extends EventEmitter {
  private readonly chunks: Buffer[] = [];

  constructor(private readonly from: string) {
    super();
  }

  write(chunk: Buffer | string): boolean {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return true;
  }

  end(chunk?: Buffer | string): void {
    if (chunk) this.write(chunk);
    try {
      this.emit('data', Buffer.from(decodeText(Buffer.concat(this.chunks), this.from), 'utf8'));
    } catch {
      this.emit('data', Buffer.concat(this.chunks));
    }
    this.emit('end');
  }
}
