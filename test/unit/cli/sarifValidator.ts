/** Validates a SARIF file with Microsoft's SARIF multitool (a self-contained binary from npm); returns its errors. */
import { spawn } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The platform binary; npm may skip the package's `chmod u+x` install script (allowScripts), so we set the bit. */
function multitool(): string {
  const platformPackage = `@microsoft/sarif-multitool-${process.platform}/package.json`;
  const binary = join(
    dirname(require.resolve(platformPackage)),
    process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool',
  );
  const mode = statSync(binary).mode;
  if ((mode & 0o100) === 0) chmodSync(binary, mode | 0o100);
  return binary;
}

export function validateSarif(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(multitool(), ['validate', file], {
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
