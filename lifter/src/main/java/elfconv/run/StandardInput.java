package elfconv.run;

import io.github.kawamuray.wasmtime.Caller;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * WASI {@code fd_read} with descriptor 0 served from a Java stream. wasmtime-java cannot give a module a readable
 * stdin (its file stdin truncates the file and opens it write-only), so this import stands in for the engine's
 * own {@code fd_read}, which still serves every other descriptor.
 */
final class StandardInput {
  private static final int WASI_ERRNO_SUCCESS = 0;
  private static final int WASI_ERRNO_IO = 29;
  private static final int WASI_ERRNO_FAULT = 21;

  private StandardInput() {}

  /** The replacement for {@code wasi_snapshot_preview1.fd_read}. */
  static <T> Func fdRead(Store<T> store, InputStream stdin, Func wasiFdRead) {
    FuncType type = new FuncType(new Val.Type[] {Val.Type.I32, Val.Type.I32, Val.Type.I32, Val.Type.I32},
        new Val.Type[] {Val.Type.I32});
    return new Func(store, type, (Caller<T> caller, Val[] params, Val[] results) -> {
      if (params[0].i32() != 0) {
        results[0] = wasiFdRead.call(store, params)[0];
        return;
      }
      ByteBuffer memory = caller.getExport("memory").orElseThrow().memory().buffer(store)
          .order(ByteOrder.LITTLE_ENDIAN);
      results[0] = Val.fromI32(read(stdin, memory, params[1].i32(), params[2].i32(), params[3].i32()));
    });
  }

  /** One read into the first non-empty buffer, as a short read of POSIX read(2) may do. */
  private static int read(InputStream stdin, ByteBuffer memory, int iovecs, int count, int resultAt) {
    try {
      int total = 0;
      for (int i = 0; i < count; i++) {
        int buffer = memory.getInt(iovecs + 8 * i);
        int length = memory.getInt(iovecs + 8 * i + 4);
        if (length == 0) {
          continue;
        }
        byte[] bytes = new byte[length];
        int n = stdin.read(bytes, 0, length);
        if (n > 0) {
          memory.put(buffer, bytes, 0, n);
          total = n;
        }
        break;
      }
      memory.putInt(resultAt, total);
      return WASI_ERRNO_SUCCESS;
    } catch (IOException e) {
      return WASI_ERRNO_IO;
    } catch (IndexOutOfBoundsException e) {
      return WASI_ERRNO_FAULT;
    }
  }
}
