import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The Debian package providing each external checker used by the tests. */
const PACKAGES: Readonly<Record<string, string>> = {
  pdfsig: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  zbarimg: 'zbar-tools',
  certutil: 'libnss3-tools',
};

export interface ToolResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs a checker; a missing binary fails with the package to install. Non-zero exits are returned, not thrown. */
export async function runTool(tool: keyof typeof PACKAGES | string, args: readonly string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await execFileAsync(tool, [...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string; code?: unknown };
    if (failure.code === 'ENOENT') {
      throw new Error(`"${tool}" is not installed: apt-get install ${PACKAGES[tool] ?? tool}`);
    }
    return {
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? '',
      code: typeof failure.code === 'number' ? failure.code : 1,
    };
  }
}

/** Text of a PDF with whitespace collapsed, NFC. */
export async function pdfText(path: string): Promise<string> {
  const result = await runTool('pdftotext', ['-enc', 'UTF-8', path, '-']);
  if (result.code !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.normalize('NFC').replace(/\s+/g, ' ');
}
