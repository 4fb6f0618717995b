// libFuzzer entry point for SMART Health Card numeric decoding (placeholder; being written).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
