package elfconv.lift;

import static org.bytedeco.llvm.global.LLVM.LLVMAddGlobal;
import static org.bytedeco.llvm.global.LLVM.LLVMArrayType2;

import elfconv.ir.IrModule;
import elfconv.runtime.GuestLayout;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Declarations of what lifted code uses from the runtime (see runtime/src/main/c/elfconv.h), and the size of the
 * guest window the runtime maps.
 */
final class RuntimeSymbols {
  final long windowSize;
  final LLVMValueRef state;
  final LLVMTypeRef guestFunctionType;
  final LLVMTypeRef dispatchType;
  final LLVMValueRef dispatch;
  final LLVMTypeRef syscallType;
  final LLVMValueRef syscall;
  final LLVMTypeRef trapType;
  final LLVMValueRef trap;
  final LLVMTypeRef faultType;
  final LLVMValueRef fault;
  final LLVMTypeRef counterType;
  final LLVMValueRef counter;
  final LLVMTypeRef traceRegistersType;
  final LLVMValueRef traceRegisters;
  final LLVMTypeRef fma64Type;
  final LLVMValueRef fma64;
  final LLVMTypeRef fpExceptionsType;
  final LLVMValueRef fpExceptions;
  final LLVMTypeRef fpElementType;
  final LLVMValueRef fpElement;

  RuntimeSymbols(IrModule m, long windowSize) {
    this.windowSize = windowSize;
    state = LLVMAddGlobal(m.module(), LLVMArrayType2(m.i8, GuestLayout.STATE_SIZE), GuestLayout.STATE);
    guestFunctionType = m.functionType(m.i64);
    dispatchType = m.functionType(m.i64, m.i64);
    dispatch = m.function(GuestLayout.DISPATCH, dispatchType);
    syscallType = m.functionType(m.i64);
    syscall = m.function(GuestLayout.SYSCALL, syscallType);
    trapType = m.functionType(m.voidType, m.i64, m.i32, m.i32);
    trap = m.function(GuestLayout.TRAP, trapType);
    faultType = m.functionType(m.voidType, m.i64, m.i64);
    fault = m.function(GuestLayout.FAULT, faultType);
    counterType = m.functionType(m.i64);
    counter = m.function(GuestLayout.COUNTER, counterType);
    traceRegistersType = m.functionType(m.voidType, m.i64);
    traceRegisters = m.function(GuestLayout.TRACE_REGISTERS, traceRegistersType);
    fma64Type = m.functionType(m.f64, m.f64, m.f64, m.f64);
    fma64 = m.function(GuestLayout.FMA64, fma64Type);
    fpExceptionsType = m.functionType(m.i32, m.i32, m.f64, m.f64, m.f64, m.f64);
    fpExceptions = m.function(GuestLayout.FP_EXCEPTIONS, fpExceptionsType);
    fpElementType = m.functionType(m.i64, m.i32, m.i64, m.i64, m.i64);
    fpElement = m.function(GuestLayout.FP_ELEMENT, fpElementType);
  }
}
