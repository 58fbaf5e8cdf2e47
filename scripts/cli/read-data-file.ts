/** Reads a JSON or YAML data file given on the command line. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Parses FILE as YAML (.yaml/.yml) or JSON (anything else); errors name the file. */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return ['.yaml', '.yml'].includes(extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}
