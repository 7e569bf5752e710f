/** Validates a SARIF file with Microsoft's SARIF multitool (a self-contained binary from npm); returns its errors. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const MULTITOOL = join(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'sarif-multitool', 'bin.js');

export function validateSarif(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MULTITOOL, 'validate', file], {
      // The binary is .NET: without ICU on the machine it needs invariant globalization.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const errors = output.split('\n').filter((line) => /: error /.test(line));
      if (code !== 0 && errors.length === 0) errors.push(`the multitool exited with ${code}: ${output.trim()}`);
      if (!/Analysis completed successfully|Done\./.test(output) && errors.length === 0)
        errors.push(`no verdict: ${output.trim()}`);
      resolve(errors);
    });
  });
}
