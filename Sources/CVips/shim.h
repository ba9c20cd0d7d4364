#ifndef TIMELINE_CVIPS_SHIM_H
#define TIMELINE_CVIPS_SHIM_H
#include <dlfcn.h>
#include <stddef.h>

/* libvips takes its optional arguments as a NULL-terminated list, which Swift cannot call: each call the
   generator makes is written out here with the arguments it uses.

   libvips and the 68 libraries it brings (codecs, fonts, GLib) are loaded when the first image is read,
   not when the program starts: a build, check or serve that reads no image starts in half the time, with
   a third less memory. So the program is not linked against them, and this header does not include
   theirs: it declares the few types, constants and functions the generator uses, as libvips 8 (and the
   Pango and fontconfig it brings) declare them, and calls each function through `timeline_vips`, a table
   of pointers that `dlsym` fills. A test (VipsDeclarationTests) compiles this header beside those
   libraries' own headers and fails on any difference. */

/* GLib's and libvips's types, as far as the generator needs them; images are only passed along. */
typedef char gchar;
typedef int gint;
typedef gint gboolean;
typedef void *gpointer;
typedef unsigned long gsize;
typedef gsize GType;
typedef unsigned int guint;
typedef struct _VipsImage VipsImage;
/* Pango's and fontconfig's, for the font map every text is set with. */
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoCairoFontMap PangoCairoFontMap;
typedef struct _FcConfig FcConfig;
typedef unsigned char FcChar8;
typedef int FcBool;
typedef void (*timeline_log_function)(const gchar *domain, int level, const gchar *message, gpointer data);

/* The values of the enumerations and flags the generator passes. */
enum {
    TIMELINE_VIPS_ACCESS_SEQUENTIAL = 1,
    TIMELINE_VIPS_FAIL_ON_TRUNCATED = 1,
    TIMELINE_VIPS_SIZE_DOWN = 2,
    TIMELINE_VIPS_TEXT_WRAP_WORD = 0,
    TIMELINE_VIPS_FORMAT_UCHAR = 0,
    /* G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO */
    TIMELINE_LOG_WARNING_MESSAGE_INFO = (1 << 4) | (1 << 5) | (1 << 6),
    /* VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE of the libvips 8 these declarations follow (8.14: 58 - 16). */
    TIMELINE_VIPS_ABI = 42,
    TIMELINE_TRUE = 1,
};

/* Each function the generator calls, with the arguments libvips declares, in the table of pointers. */
struct timeline_vips_table {
    int (*vips_version)(int flag);
    int (*vips_init)(const char *argv0);
    const char *(*vips_error_buffer)(void);
    void (*vips_error_clear)(void);
    void (*vips_concurrency_set)(int concurrency);
    void (*vips_cache_set_max)(int max);
    const char *(*vips_foreign_find_load_buffer)(const void *data, size_t size);
    VipsImage *(*vips_image_new_from_buffer)(const void *buf, size_t len, const char *option_string, ...);
    int (*vips_avg)(VipsImage *in, double *out, ...);
    int (*vips_thumbnail_buffer)(void *buf, size_t len, VipsImage **out, int width, ...);
    VipsImage *(*vips_image_copy_memory)(VipsImage *image);
    gchar **(*vips_image_get_fields)(VipsImage *image);
    gboolean (*vips_isprefix)(const char *a, const char *b);
    gboolean (*vips_image_remove)(VipsImage *image, const char *name);
    int (*vips_webpsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*vips_jpegsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*vips_pngsave_buffer)(VipsImage *in, void **buf, size_t *len, ...);
    int (*vips_text)(VipsImage **out, const char *text, ...);
    void *(*vips_image_write_to_memory)(VipsImage *in, size_t *size);
    /* The format is a VipsBandFormat, an int (it has the value -1). */
    VipsImage *(*vips_image_new_from_memory_copy)(const void *data, size_t size, int width, int height, int bands, int format);
    GType (*vips_image_get_typeof)(const VipsImage *image, const char *name);
    int (*vips_image_get_int)(const VipsImage *image, const char *name, int *out);
    int (*vips_image_get_width)(const VipsImage *image);
    int (*vips_image_get_height)(const VipsImage *image);
    gboolean (*vips_image_hasalpha)(VipsImage *image);
    void (*g_object_unref)(gpointer object);
    void (*g_free)(gpointer mem);
    void (*g_strfreev)(gchar **str_array);
    guint (*g_log_set_handler)(const gchar *log_domain, int log_levels, timeline_log_function log_func, gpointer user_data);
    /* fontconfig's and Pango's, which libvips brings. */
    FcBool (*FcConfigAppFontAddFile)(FcConfig *config, const FcChar8 *file);
    PangoFontMap *(*pango_cairo_font_map_new)(void);
    void (*pango_cairo_font_map_set_default)(PangoCairoFontMap *fontmap);
    void (*pango_cairo_font_map_set_resolution)(PangoCairoFontMap *fontmap, double dpi);
    /* Why libvips could not be loaded, or NULL. */
    const char *load_error;
};

/* The names of the table's functions, in its order. */
#define TIMELINE_VIPS_FUNCTIONS(X) \
    X(vips_version) X(vips_init) X(vips_error_buffer) X(vips_error_clear) X(vips_concurrency_set) \
    X(vips_cache_set_max) X(vips_foreign_find_load_buffer) X(vips_image_new_from_buffer) X(vips_avg) \
    X(vips_thumbnail_buffer) X(vips_image_copy_memory) X(vips_image_get_fields) X(vips_isprefix) X(vips_image_remove) \
    X(vips_webpsave_buffer) X(vips_jpegsave_buffer) X(vips_pngsave_buffer) X(vips_text) X(vips_image_write_to_memory) \
    X(vips_image_new_from_memory_copy) X(vips_image_get_typeof) X(vips_image_get_int) X(vips_image_get_width) \
    X(vips_image_get_height) X(vips_image_hasalpha) X(g_object_unref) X(g_free) X(g_strfreev) X(g_log_set_handler) \
    X(FcConfigAppFontAddFile) X(pango_cairo_font_map_new) X(pango_cairo_font_map_set_default) \
    X(pango_cairo_font_map_set_resolution)

/* The one table, held in a function so that Swift, which imports no variables a header defines, keeps it. */
static inline struct timeline_vips_table *timeline_vips_table(void) {
    static struct timeline_vips_table table;
    return &table;
}
#define timeline_vips (*timeline_vips_table())

/* Loads libvips and finds each function the generator calls; -1, with the reason kept, when one is missing. */
static inline int timeline_vips_load(void) {
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_GLOBAL);
    if (!library) library = dlopen("libvips.so", RTLD_NOW | RTLD_GLOBAL);
    if (!library) {
        timeline_vips.load_error = dlerror();
        return -1;
    }
#define TIMELINE_VIPS_FIND(name) \
    if (!(*(void **)&timeline_vips.name = dlsym(library, #name))) { timeline_vips.load_error = "libvips lacks " #name; return -1; }
    TIMELINE_VIPS_FUNCTIONS(TIMELINE_VIPS_FIND)
#undef TIMELINE_VIPS_FIND
    return 0;
}

/* libvips's own warnings ("error in tile 0 x 472") would be printed on standard error beside the build's
   diagnostics; the error each one leads to is reported in the build's words instead. */
static inline void timeline_vips_quiet(const gchar *domain, int level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline int timeline_vips_start(void) {
    if (timeline_vips_load()) return -1;
    /* VIPS_INIT's check, that the library has the interface these headers describe. */
    if (timeline_vips.vips_version(3) - timeline_vips.vips_version(5) != TIMELINE_VIPS_ABI) {
        timeline_vips.load_error = "libvips's interface is not the one of libvips 8.14, which the generator calls";
        return -1;
    }
    if (timeline_vips.vips_init("timeline")) return -1;
    timeline_vips.g_log_set_handler("VIPS", TIMELINE_LOG_WARNING_MESSAGE_INFO, timeline_vips_quiet, NULL);
    /* The generator runs several images at once; each runs on one thread, and nothing is cached between
       operations, so memory stays bounded by the images in hand. */
    timeline_vips.vips_concurrency_set(1);
    timeline_vips.vips_cache_set_max(0);
    return 0;
}

/* An image's header only: nothing is decoded. */
static inline VipsImage *timeline_vips_header(const void *bytes, size_t length) {
    return timeline_vips.vips_image_new_from_buffer(bytes, length, "", NULL);
}

/* Decodes the whole image, failing on a truncated file, to check that it can be read to its end. */
static inline int timeline_vips_check_decodes(const void *bytes, size_t length, double *average) {
    VipsImage *image = timeline_vips.vips_image_new_from_buffer(bytes, length, "", "access", TIMELINE_VIPS_ACCESS_SEQUENTIAL,
        "fail_on", TIMELINE_VIPS_FAIL_ON_TRUNCATED, NULL);
    if (!image) return -1;
    int result = timeline_vips.vips_avg(image, average, NULL);
    timeline_vips.g_object_unref(image);
    return result;
}

/* The image turned upright by its orientation tag, shrunk (never enlarged) to fit a width, held in memory so
   that it can be saved in several formats, and without any metadata: EXIF (with any GPS position), XMP,
   IPTC, ICC profiles and the orientation are removed from the image itself, since not every saver's
   "strip" removes them all. */
static inline int timeline_vips_thumbnail(const void *bytes, size_t length, VipsImage **out, int width) {
    VipsImage *thumbnail;
    if (timeline_vips.vips_thumbnail_buffer((void *)bytes, length, &thumbnail, width, "height", 10000000, "size", TIMELINE_VIPS_SIZE_DOWN,
            "option_string", "fail_on=truncated", NULL)) return -1;
    VipsImage *memory = timeline_vips.vips_image_copy_memory(thumbnail);
    timeline_vips.g_object_unref(thumbnail);
    if (!memory) return -1;
    gchar **fields = timeline_vips.vips_image_get_fields(memory);
    for (int index = 0; fields && fields[index]; index++) {
        const char *name = fields[index];
        if (timeline_vips.vips_isprefix("exif", name) || timeline_vips.vips_isprefix("xmp", name) || timeline_vips.vips_isprefix("iptc", name) || timeline_vips.vips_isprefix("icc", name) ||
            timeline_vips.vips_isprefix("orientation", name) || timeline_vips.vips_isprefix("png-comment", name) || timeline_vips.vips_isprefix("gif-comment", name)) {
            timeline_vips.vips_image_remove(memory, name);
        }
    }
    timeline_vips.g_strfreev(fields);
    *out = memory;
    return 0;
}

static inline int timeline_vips_webp(VipsImage *in, void **bytes, size_t *length, int quality) {
    return timeline_vips.vips_webpsave_buffer(in, bytes, length, "Q", quality, "strip", TIMELINE_TRUE, NULL);
}

static inline int timeline_vips_jpeg(VipsImage *in, void **bytes, size_t *length, int quality) {
    return timeline_vips.vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TIMELINE_TRUE, "optimize_coding", TIMELINE_TRUE, "interlace", TIMELINE_TRUE, NULL);
}

static inline int timeline_vips_png(VipsImage *in, void **bytes, size_t *length) {
    return timeline_vips.vips_pngsave_buffer(in, bytes, length, "strip", TIMELINE_TRUE, "compression", 6, NULL);
}

/* Makes a font file known to fontconfig, for the font maps made after it; -1 when fontconfig cannot read it.
   libvips's own "fontfile" argument is never used: libvips 8.14 keeps the file's name in a table keyed by
   memory it frees with the text, so it adds the file again for almost every text, and empties the shared
   Pango font map's caches each time, while Pango's threads, still sorting fonts for an earlier text, use
   those caches, which crashed builds. */
static inline int timeline_vips_add_font(const char *file) {
    return timeline_vips.FcConfigAppFontAddFile(NULL, (const FcChar8 *)file) ? 0 : -1;
}

/* A new Pango font map, set to the one resolution every text is set at: Pango empties a font map's caches
   whenever its resolution changes, which is safe only while no text has been set with it. */
static inline PangoFontMap *timeline_vips_font_map(void) {
    PangoFontMap *map = timeline_vips.pango_cairo_font_map_new();
    if (map) timeline_vips.pango_cairo_font_map_set_resolution((PangoCairoFontMap *)map, 72);
    return map;
}

/* Makes `map` the font map libvips sets texts with on the calling thread (Pango keeps one a thread). */
static inline void timeline_vips_use_font_map(PangoFontMap *map) {
    timeline_vips.pango_cairo_font_map_set_default((PangoCairoFontMap *)map);
}

static inline void timeline_vips_release_font_map(PangoFontMap *map) { timeline_vips.g_object_unref(map); }

/* Text set by Pango, wrapped at word boundaries within a width, in a font fontconfig knows. The result is
   the text's coverage, one band. The font's size is taken in pixels: at 72 dots an inch, a point is a
   pixel. The resolution is always the same, the font map's. */
static inline int timeline_vips_text(VipsImage **out, const char *markup, const char *font, int width, int spacing) {
    return timeline_vips.vips_text(out, markup, "font", font, "width", width, "spacing", spacing,
        "wrap", TIMELINE_VIPS_TEXT_WRAP_WORD, "dpi", 72, NULL);
}

/* An image's pixels, row by row, in memory freed with `timeline_vips_free`; NULL when it cannot be made. */
static inline void *timeline_vips_pixels(VipsImage *image, size_t *length) {
    return timeline_vips.vips_image_write_to_memory(image, length);
}

/* An image from raw 8-bit pixels, row by row: 3 bands (RGB) or 4 (RGBA). */
static inline VipsImage *timeline_vips_from_pixels(const void *pixels, size_t length, int width, int height, int bands) {
    return timeline_vips.vips_image_new_from_memory_copy(pixels, length, width, height, bands, TIMELINE_VIPS_FORMAT_UCHAR);
}

static inline int timeline_vips_orientation(VipsImage *image) {
    int orientation = 1;
    if (timeline_vips.vips_image_get_typeof(image, "orientation") && timeline_vips.vips_image_get_int(image, "orientation", &orientation)) return 1;
    return orientation;
}
/* Wrappers for the calls Swift makes itself. */
static inline const char *timeline_vips_failure(void) { return timeline_vips.load_error; }
static inline void timeline_vips_unref(VipsImage *image) { timeline_vips.g_object_unref(image); }
static inline void timeline_vips_free(void *memory) { timeline_vips.g_free(memory); }
static inline void timeline_vips_free_strings(gchar **strings) { timeline_vips.g_strfreev(strings); }
static inline const char *timeline_vips_error_buffer(void) { return timeline_vips.vips_error_buffer(); }
static inline void timeline_vips_error_clear(void) { timeline_vips.vips_error_clear(); }
static inline const char *timeline_vips_find_loader(const void *bytes, size_t length) { return timeline_vips.vips_foreign_find_load_buffer(bytes, length); }
static inline gchar **timeline_vips_fields(VipsImage *image) { return timeline_vips.vips_image_get_fields(image); }
static inline int timeline_vips_width(const VipsImage *image) { return timeline_vips.vips_image_get_width(image); }
static inline int timeline_vips_height(const VipsImage *image) { return timeline_vips.vips_image_get_height(image); }
static inline int timeline_vips_has_alpha(VipsImage *image) { return timeline_vips.vips_image_hasalpha(image); }
#endif
