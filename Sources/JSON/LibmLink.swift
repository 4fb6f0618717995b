// `Double.rounded()` (used by `JSONValue.integerValue`) compiles to calls into the C math library. Executables
// that import only this module (the fuzz target) would then fail to link on Linux, so the module pulls libm in
// through the platform C module, which links it automatically. This imports no Foundation.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif
