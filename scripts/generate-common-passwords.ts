// Writes src/modules/identity/data/common-passwords.json, the `modern` preset's deny list, from @zxcvbn-ts/language-common.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';

export const commonPasswordsPath = fileURLToPath(
  new URL('../src/modules/identity/data/common-passwords.json', import.meta.url),
);

/** How many of the most common passwords the deny list keeps. */
export const COMMON_PASSWORD_COUNT = 10_000;

/** The package's list is ranked by frequency, most common first, so its head is the most common. */
export function commonPasswordsFromPackage(): string[] {
  return dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT);
}

/** The file's text: a JSON array, one password a line, so a diff shows which entries changed. */
export function renderCommonPasswords(passwords: readonly string[]): string {
  return `[\n${passwords.map((password) => JSON.stringify(password)).join(',\n')}\n]\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(commonPasswordsPath, renderCommonPasswords(commonPasswordsFromPackage()));
  console.log(`wrote ${commonPasswordsPath}`);
}
