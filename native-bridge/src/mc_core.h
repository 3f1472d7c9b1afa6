/*
 * mc_core.h: one plugin instance, format-independent (the CLAP and LV2 wrappers sit on top).
 *
 * An instance owns its ring (Java -> audio thread), its scheduler (audio thread), its state copy and its Java
 * counterpart. Every call into Java runs on the process's single bridge thread (mc_core.c), which starts the JVM in
 * the background: nothing here makes the host's main thread wait for Java, and the audio thread never meets it.
 */
#ifndef MC_CORE_H
#define MC_CORE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mc_ring.h"
#include "mc_sched.h"

/* The bridge API version; com.midicenter.plugin.Bridge.API_VERSION must match (checked when Java starts). */
#define MC_BRIDGE_API_VERSION 1

enum { MC_LOG_INFO = 0, MC_LOG_WARNING = 1, MC_LOG_ERROR = 2 };

/* [thread-safe] a line for the host's log */
typedef void (*mc_log_fn)(void *ctx, int level, const char *message);
/* [any non-audio thread] the Java side gave a new state copy */
typedef void (*mc_state_fn)(void *ctx);

enum { MC_JAVA_STARTING = 0, MC_JAVA_READY = 1, MC_JAVA_FAILED = -1 };

enum { MC_PARAM_TRANSPOSE = 0, MC_PARAM_VELOCITY = 1, MC_PARAM_COUNT = 2 };

typedef struct mc_instance mc_instance;

struct mc_instance {
    mc_ring ring;
    mc_sched sched;

    /* parameters: plain values; written by the audio thread (automation) or the main thread (state, LV2 ports) */
    _Atomic double params[MC_PARAM_COUNT];

    mc_log_fn log;
    mc_state_fn state_changed;
    void *cb_ctx;

    char bundle_dir[4096]; /* runtime/ is looked for here; Java's InstanceLogic.start gets it */
    char jar_dir[4096];    /* the plugin's jars */

    pthread_mutex_t state_lock; /* guards state, state_len */
    uint8_t *state;             /* the Java side's latest state blob (what the host saves) */
    size_t state_len;

    _Atomic int java_state;          /* MC_JAVA_* for this instance */
    _Atomic uint64_t transport_word; /* [audio-thread writes] bit 63 playing, low bits bpm * 1000 */
    _Atomic uint32_t gui_width, gui_height;

    /* bridge-thread only */
    void *jinstance;     /* global ref to the Bridge.Instance, NULL until created */
    uint64_t transport_sent;
    mc_instance *next_live;
};

/* [main-thread] A new instance; the JVM starts in the background (unless MIDICENTER_PLUGIN_NO_JAVA=1) and the Java
 * side is created as soon as it runs. NULL when out of memory. */
mc_instance *mc_instance_create(const char *bundle_dir, const char *jar_dir, double sample_rate, mc_log_fn log,
                                mc_state_fn state_changed, void *cb_ctx);
/* [main-thread] The Java side is destroyed on the bridge thread, then the instance's memory is freed there. */
void mc_instance_destroy(mc_instance *inst);

/* Once, when the plugin library is unloaded or the process exits: lets the Java side close the shared library (the
 * embedded database) after the instances' destroys; waits at most timeout_ms. */
void mc_core_shutdown(unsigned timeout_ms);
#define MC_SHUTDOWN_TIMEOUT_MS 5000u

/* [main-thread] the state blob the host saves: a malloc'd copy (caller frees) or NULL with *len 0 */
uint8_t *mc_instance_state_copy(mc_instance *inst, size_t *len);
/* [main-thread] the host restores a state: kept as the current copy and passed to Java when it is up */
void mc_instance_load_state(mc_instance *inst, const uint8_t *data, size_t len);

/* [main-thread] GUI requests, forwarded to Java on the bridge thread (parent: X11 window id, 0 = floating) */
void mc_instance_gui_open(mc_instance *inst, unsigned long parent);
void mc_instance_gui_visible(mc_instance *inst, bool visible);
void mc_instance_gui_set_size(mc_instance *inst, uint32_t width, uint32_t height);
void mc_instance_gui_close(mc_instance *inst);

/* [audio-thread] start of a block: take ring records, read the parameters into the scheduler */
void mc_instance_audio_begin(mc_instance *inst);
/* [audio-thread] publish the transport for the Java side's UI (polled ~10 times a second) */
void mc_instance_audio_transport(mc_instance *inst, bool playing, double bpm);

/* [thread-safe] a formatted line through the instance's log (stderr when it has none) */
void mc_instance_logf(mc_instance *inst, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* parameter ranges */
double mc_param_min(int id);
double mc_param_max(int id);
double mc_param_default(int id);
double mc_param_clamp(int id, double value);

#endif
