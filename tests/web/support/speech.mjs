// Sentences spoken by flite (slt voice) into WAV files, and the word error count used to judge transcripts.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const folder = mkdtempSync(path.join(os.tmpdir(), 'vm-web-speech-'));

export async function speak(sentence, name) {
  const wav = path.join(folder, `${name}.wav`);
  await run('flite', ['-voice', 'slt', '-t', sentence, '-o', wav]);
  // flite writes a canonical 44-byte header; byte rate at offset 28.
  const bytes = readFileSync(wav);
  return { wav, seconds: (bytes.length - 44) / bytes.readUInt32LE(28) };
}

const words = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}' ]/gu, ' ').split(/\s+/).filter(Boolean);

/** Word-level edit distance (case and punctuation ignored). */
export function wordErrors(expected, actual) {
  const a = words(expected);
  const b = words(actual);
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}
