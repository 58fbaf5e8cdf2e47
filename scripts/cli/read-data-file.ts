/** Reads a JSON or YAML data file given on the command line, checking its size and kind before parsing it. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { checkFileSize, decodeText, InputFileError } from './file-checks.js';
import { dataFile as msg } from './messages.vi.js';

/** The largest data file read: an organisation of 5,000 units is about 2 MB. */
export const MAX_DATA_FILE_BYTES = 10 * 1024 * 1024;

/** A data file that cannot be used; the message is the coordinator's, in Vietnamese. */
export class DataFileError extends InputFileError {}

/** Parses FILE as YAML (.yaml/.yml) or JSON (anything else); every error names the file (and line) in Vietnamese. */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readText(file);
  const yaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0] ?? { line: 1, col: 1 };
      throw new DataFileError(msg.badYaml(file, at.line, at.col), { cause: error });
    }
    const { line, column } = jsonErrorPosition(text, (error as Error).message);
    throw new DataFileError(msg.badJson(file, line, column, jsonReason((error as Error).message)), {
      cause: error,
    });
  }
}

async function readText(file: string): Promise<string> {
  await checkFileSize(file, MAX_DATA_FILE_BYTES);
  return decodeText(file, await readFile(file));
}

/** The 1-based line and column of a JSON.parse error ("… in JSON at position 95"), or the end of the text. */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : text.length;
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** V8's reason without its position, e.g. "Expected ',' or '}' after property value". */
function jsonReason(message: string): string {
  return message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'tệp kết thúc giữa chừng');
}
