// Runs a WASI command module the way `elfconv run` would: node --no-warnings run-wasi.mjs MODULE [ARGS...].
// The guest sees MODULE as argv[0], this process's environment, and the current directory preopened as fd 3.
// Exit statuses from 126 up do not fit WASI's proc_exit in every engine: the runtime then traps, and the status
// is read back from the module's elfconv_exit_status export.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [module, ...args] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: [module, ...args],
  env: process.env,
  preopens: { '.': process.cwd() },
  returnOnExit: true,
});
const { instance } = await WebAssembly.instantiate(await readFile(module), wasi.getImportObject());
try {
  process.exitCode = wasi.start(instance);
} catch (trap) {
  const status = instance.exports.elfconv_exit_status();
  if (status < 0) throw trap;
  process.exitCode = status;
}
