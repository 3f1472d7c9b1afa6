/*
 * gui_host.c: a tiny CLAP host window for ClapGuiEmbedIT. It opens an X11 window (magenta background, so a blank
 * embedded area is recognisable), loads the .clap, creates the plugin, asks its gui extension for an embedded X11 GUI
 * (create("x11", false), set_scale, set_parent(our window), show), runs the X event loop and the plugin's
 * main-thread callbacks for <seconds>, then writes a screenshot of its window (XGetImage of the root window over our
 * window's rectangle: what is on screen, the plugin's child windows included) as a binary PPM.
 *
 *   gui_host <plugin.clap> <seconds> <out.ppm>
 *
 * Prints "size W H" whenever the plugin's GUI size changes and "embedded" once set_parent and show succeeded.
 * Build: gcc -std=c11 -I<native-bridge/include> gui_host.c -lX11 -ldl
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include "clap_abi.h"

#define WIN_W 1100
#define WIN_H 760

static atomic_int g_callback;
static atomic_uint g_req_w, g_req_h;

static void host_log(const clap_host_t *h, clap_log_severity sev, const char *msg) {
    (void)h;
    fprintf(stderr, "[plugin log %d] %s\n", sev, msg);
}
static const clap_host_log_t HOST_LOG = {host_log};

static void gui_resize_hints_changed(const clap_host_t *h) { (void)h; }
static bool gui_request_resize(const clap_host_t *h, uint32_t w, uint32_t hh) {
    (void)h;
    atomic_store(&g_req_w, w);
    atomic_store(&g_req_h, hh);
    return true;
}
static bool gui_request_show(const clap_host_t *h) { (void)h; return true; }
static bool gui_request_hide(const clap_host_t *h) { (void)h; return true; }
static void gui_closed(const clap_host_t *h, bool destroyed) { (void)h, (void)destroyed; }
static const clap_host_gui_t HOST_GUI = {gui_resize_hints_changed, gui_request_resize, gui_request_show,
                                         gui_request_hide, gui_closed};

static const void *host_get_extension(const clap_host_t *h, const char *id) {
    (void)h;
    if (strcmp(id, CLAP_EXT_LOG) == 0) return &HOST_LOG;
    if (strcmp(id, CLAP_EXT_GUI) == 0) return &HOST_GUI;
    return NULL;
}
static void host_request_restart(const clap_host_t *h) { (void)h; }
static void host_request_process(const clap_host_t *h) { (void)h; }
static void host_request_callback(const clap_host_t *h) { (void)h; atomic_store(&g_callback, 1); }

static const clap_host_t HOST = {
    CLAP_VERSION_INIT, NULL, "midicenter-gui-test-host", "MIDI Software Center", "https://midicenter.example/", "1.0",
    host_get_extension, host_request_restart, host_request_process, host_request_callback,
};

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int write_ppm(Display *dpy, int w, int h, const char *path) {
    XImage *img = XGetImage(dpy, DefaultRootWindow(dpy), 0, 0, (unsigned)w, (unsigned)h, AllPlanes, ZPixmap);
    if (img == NULL) return 0;
    FILE *f = fopen(path, "wb");
    if (f == NULL) return 0;
    fprintf(f, "P6\n%d %d\n255\n", w, h);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            unsigned long p = XGetPixel(img, x, y);
            unsigned char rgb[3] = {(unsigned char)((p & img->red_mask) >> 16),
                                    (unsigned char)((p & img->green_mask) >> 8), (unsigned char)(p & img->blue_mask)};
            fwrite(rgb, 1, 3, f);
        }
    }
    XDestroyImage(img);
    return fclose(f) == 0;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: gui_host <plugin.clap> <seconds> <out.ppm>\n");
        return 2;
    }
    double seconds = atof(argv[2]);
    Display *dpy = XOpenDisplay(NULL);
    if (dpy == NULL) {
        fprintf(stderr, "cannot open the X display '%s'\n", getenv("DISPLAY") ? getenv("DISPLAY") : "");
        return 1;
    }
    int scr = DefaultScreen(dpy);
    Window win = XCreateSimpleWindow(dpy, RootWindow(dpy, scr), 0, 0, WIN_W, WIN_H, 0, 0, 0xFF00FF);
    XStoreName(dpy, win, "midicenter gui test host");
    XSelectInput(dpy, win, ExposureMask | StructureNotifyMask);
    XMapWindow(dpy, win);
    XSync(dpy, False);

    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    const clap_plugin_entry_t *entry = dlsym(lib, "clap_entry");
    if (entry == NULL || !entry->init(argv[1])) {
        fprintf(stderr, "no clap_entry or init failed\n");
        return 1;
    }
    const clap_plugin_factory_t *fac = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
    const clap_plugin_descriptor_t *desc = fac ? fac->get_plugin_descriptor(fac, 0) : NULL;
    const clap_plugin_t *p = desc ? fac->create_plugin(fac, &HOST, desc->id) : NULL;
    if (p == NULL || !p->init(p)) {
        fprintf(stderr, "the plugin was not created\n");
        return 1;
    }
    const clap_plugin_gui_t *gui = p->get_extension(p, CLAP_EXT_GUI);
    if (gui == NULL) {
        fprintf(stderr, "the plugin has no gui extension\n");
        return 1;
    }
    printf("embedded x11 supported %d, floating %d\n", gui->is_api_supported(p, CLAP_WINDOW_API_X11, false),
           gui->is_api_supported(p, CLAP_WINDOW_API_X11, true));
    double t0 = now_s();
    if (!gui->create(p, CLAP_WINDOW_API_X11, false)) {
        fprintf(stderr, "gui.create(x11, embedded) refused\n");
        return 1;
    }
    gui->set_scale(p, 1.0);
    clap_window_t w = {.api = CLAP_WINDOW_API_X11, .x11 = win};
    if (!gui->set_parent(p, &w) || !gui->show(p)) {
        fprintf(stderr, "gui.set_parent/show refused\n");
        return 1;
    }
    printf("embedded into 0x%lx; create+set_parent+show took %.1f ms on the main thread\n", (unsigned long)win,
           (now_s() - t0) * 1e3);
    fflush(stdout);

    uint32_t lw = 0, lh = 0;
    while (now_s() - t0 < seconds) {
        while (XPending(dpy)) {
            XEvent ev;
            XNextEvent(dpy, &ev);
        }
        if (atomic_exchange(&g_callback, 0)) p->on_main_thread(p);
        uint32_t gw = 0, gh = 0;
        if (gui->get_size(p, &gw, &gh) && (gw != lw || gh != lh)) {
            lw = gw, lh = gh;
            printf("size %u %u at %.0f ms\n", gw, gh, (now_s() - t0) * 1e3);
            fflush(stdout);
        }
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    XSync(dpy, False);
    if (!write_ppm(dpy, WIN_W, WIN_H, argv[3])) {
        fprintf(stderr, "screenshot failed\n");
        return 1;
    }
    printf("screenshot %s\n", argv[3]);
    fflush(stdout);
    gui->destroy(p);
    p->destroy(p);
    entry->deinit();
    XCloseDisplay(dpy);
    return 0;
}
