/// The pixel format of a rendered PNG: greyscale with 1 or 8 bits per pixel.
public enum PNGBitDepth: Int, Sendable, Hashable, CaseIterable {
    /// 1 bit per pixel (0 black, 1 white): the smallest files.
    case one = 1
    /// 8 bits per pixel (0 black, 255 white), for tools that do not read 1-bit PNGs.
    case eight = 8
}
