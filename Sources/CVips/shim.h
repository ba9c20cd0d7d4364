#ifndef TIMELINE_CVIPS_SHIM_H
#define TIMELINE_CVIPS_SHIM_H
#include <vips/vips.h>

/* libvips takes its optional arguments as a NULL-terminated list, which Swift cannot call: each call the
   generator makes is written out here with the arguments it uses. */

/* libvips's own warnings ("error in tile 0 x 472") would be printed on standard error beside the build's
   diagnostics; the error each one leads to is reported in the build's words instead. */
static inline void timeline_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline int timeline_vips_start(void) {
    if (VIPS_INIT("timeline")) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, timeline_vips_quiet, NULL);
    /* The generator runs several images at once; each runs on one thread, and nothing is cached between
       operations, so memory stays bounded by the images in hand. */
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

/* An image's header only: nothing is decoded. */
static inline VipsImage *timeline_vips_header(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

/* Decodes the whole image, failing on a truncated file, to check that it can be read to its end. */
static inline int timeline_vips_check_decodes(const void *bytes, size_t length, double *average) {
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL,
        "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
    if (!image) return -1;
    int result = vips_avg(image, average, NULL);
    g_object_unref(image);
    return result;
}

/* The image turned upright by its orientation tag, shrunk (never enlarged) to fit a width, held in memory so
   that it can be saved in several formats, and without any metadata: EXIF (with any GPS position), XMP,
   IPTC, ICC profiles and the orientation are removed from the image itself, since not every saver's
   "strip" removes them all. */
static inline int timeline_vips_thumbnail(const void *bytes, size_t length, VipsImage **out, int width) {
    VipsImage *thumbnail;
    if (vips_thumbnail_buffer((void *)bytes, length, &thumbnail, width, "height", 10000000, "size", VIPS_SIZE_DOWN,
            "option_string", "fail_on=truncated", NULL)) return -1;
    VipsImage *memory = vips_image_copy_memory(thumbnail);
    g_object_unref(thumbnail);
    if (!memory) return -1;
    gchar **fields = vips_image_get_fields(memory);
    for (int index = 0; fields && fields[index]; index++) {
        const char *name = fields[index];
        if (vips_isprefix("exif", name) || vips_isprefix("xmp", name) || vips_isprefix("iptc", name) || vips_isprefix("icc", name) ||
            vips_isprefix("orientation", name) || vips_isprefix("png-comment", name) || vips_isprefix("gif-comment", name)) {
            vips_image_remove(memory, name);
        }
    }
    g_strfreev(fields);
    *out = memory;
    return 0;
}

static inline int timeline_vips_webp(VipsImage *in, void **bytes, size_t *length, int quality) {
    return vips_webpsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, NULL);
}

static inline int timeline_vips_jpeg(VipsImage *in, void **bytes, size_t *length, int quality) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
}

static inline int timeline_vips_png(VipsImage *in, void **bytes, size_t *length) {
    return vips_pngsave_buffer(in, bytes, length, "strip", TRUE, "compression", 6, NULL);
}

/* A box of one colour, with an alpha band. */
static inline int timeline_vips_box(VipsImage **out, int width, int height, double red, double green, double blue, double alpha) {
    VipsImage *black;
    if (vips_black(&black, width, height, NULL)) return -1;
    double values[4] = {red, green, blue, alpha};
    VipsImage *filled = vips_image_new_from_image(black, values, 4);
    g_object_unref(black);
    if (!filled) return -1;
    int result = vips_copy(filled, out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
    g_object_unref(filled);
    return result;
}

/* Text set by Pango in a font file, wrapped at word boundaries within a width; when a height is given too,
   the size is chosen so that the text fits the box. The result is the text's coverage, one band. */
static inline int timeline_vips_text(VipsImage **out, const char *markup, const char *font, const char *fontfile,
    int width, int height, int spacing) {
    if (height > 0) {
        return vips_text(out, markup, "font", font, "fontfile", fontfile, "width", width, "height", height,
            "spacing", spacing, "wrap", VIPS_TEXT_WRAP_WORD, NULL);
    /* Without a height, the font's size is taken in pixels: at 72 dots an inch, a point is a pixel. */
    }
    return vips_text(out, markup, "font", font, "fontfile", fontfile, "width", width, "spacing", spacing,
        "wrap", VIPS_TEXT_WRAP_WORD, "dpi", 72, NULL);
}

/* Coverage painted in one colour: an sRGB image with the coverage as its alpha. */
static inline int timeline_vips_paint(VipsImage *coverage, VipsImage **out, double red, double green, double blue) {
    double values[3] = {red, green, blue};
    VipsImage *colour = vips_image_new_from_image(coverage, values, 3);
    if (!colour) return -1;
    VipsImage *joined;
    int result = vips_bandjoin2(colour, coverage, &joined, NULL);
    g_object_unref(colour);
    if (result) return -1;
    result = vips_copy(joined, out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
    g_object_unref(joined);
    return result;
}

static inline int timeline_vips_over(VipsImage *base, VipsImage *overlay, VipsImage **out, int x, int y) {
    return vips_composite2(base, overlay, out, VIPS_BLEND_MODE_OVER, "x", x, "y", y, NULL);
}

static inline int timeline_vips_crop(VipsImage *in, VipsImage **out, int width, int height) {
    return vips_extract_area(in, out, 0, 0, width, height, NULL);
}

static inline int timeline_vips_flatten(VipsImage *in, VipsImage **out) {
    return vips_flatten(in, out, NULL);
}

/* An image from raw 8-bit pixels, row by row: 3 bands (RGB) or 4 (RGBA). */
static inline VipsImage *timeline_vips_from_pixels(const void *pixels, size_t length, int width, int height, int bands) {
    return vips_image_new_from_memory_copy(pixels, length, width, height, bands, VIPS_FORMAT_UCHAR);
}

static inline int timeline_vips_orientation(VipsImage *image) {
    int orientation = 1;
    if (vips_image_get_typeof(image, "orientation") && vips_image_get_int(image, "orientation", &orientation)) return 1;
    return orientation;
}
#endif
