/*
 * mc_clap.c: the CLAP plugin "MIDI Software Center" (id com.midicenter.browser): one MIDI note output, two
 * automatable parameters, state, an X11 GUI (embedded or floating) from the Java side. Exports only clap_entry.
 *
 * Files beside the .clap: midicenter-java/ holds the jars (and a runtime/ when bundled).
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/clap_abi.h"
#include "mc_core.h"

#define MC_CLAP_RESOURCE_DIR "midicenter-java"
#define MC_STATE_MAGIC "MCS1"
#define MC_STATE_VERSION 1u

typedef struct mc_clap {
    clap_plugin_t plugin;
    const clap_host_t *host;
    const clap_host_log_t *host_log;
    const clap_host_state_t *host_state;
    const clap_host_params_t *host_params;
    mc_instance *inst;
    _Atomic bool state_dirty;
    bool gui_created, gui_floating, gui_opened;
} mc_clap;

static char g_clap_dir[PATH_MAX]; /* the folder holding the .clap */

static mc_clap *mc_self(const clap_plugin_t *plugin) {
    return (mc_clap *)plugin->plugin_data;
}

/* ---- callbacks from the core ---- */

/* [thread-safe] */
static void mc_clap_log(void *ctx, int level, const char *message) {
    mc_clap *self = ctx;
    char line[2100];
    snprintf(line, sizeof line, "MIDI Software Center: %s", message);
    if (self->host_log) {
        self->host_log->log(self->host, level == MC_LOG_ERROR ? CLAP_LOG_ERROR
                                         : level == MC_LOG_WARNING ? CLAP_LOG_WARNING
                                                                   : CLAP_LOG_INFO,
                            line);
    } else {
        fprintf(stderr, "%s\n", line);
    }
}

/* [any non-audio thread] */
static void mc_clap_state_changed(void *ctx) {
    mc_clap *self = ctx;
    atomic_store(&self->state_dirty, true);
    self->host->request_callback(self->host);
}

/* ---- plugin ---- */

static bool mc_clap_init(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    const clap_host_t *h = self->host;
    self->host_log = h->get_extension(h, CLAP_EXT_LOG);
    self->host_state = h->get_extension(h, CLAP_EXT_STATE);
    self->host_params = h->get_extension(h, CLAP_EXT_PARAMS);
    char bundle[PATH_MAX + 32];
    snprintf(bundle, sizeof bundle, "%s/%s", g_clap_dir, MC_CLAP_RESOURCE_DIR);
    self->inst = mc_instance_create(bundle, bundle, 48000, mc_clap_log, mc_clap_state_changed, self);
    return self->inst != NULL;
}

static void mc_clap_destroy(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    mc_instance_destroy(self->inst);
    free(self);
}

static bool mc_clap_activate(const clap_plugin_t *plugin, double sample_rate, uint32_t min_frames,
                             uint32_t max_frames) {
    (void)min_frames;
    (void)max_frames;
    mc_self(plugin)->inst->sched.sample_rate = sample_rate > 0 ? sample_rate : 48000;
    return true;
}

static void mc_clap_deactivate(const clap_plugin_t *plugin) { (void)plugin; }
static bool mc_clap_start_processing(const clap_plugin_t *plugin) { (void)plugin; return true; }
static void mc_clap_stop_processing(const clap_plugin_t *plugin) { (void)plugin; }

/* [audio-thread] forget the clock: the next block starts afresh (sounding notes get their offs there) */
static void mc_clap_reset(const clap_plugin_t *plugin) {
    mc_self(plugin)->inst->sched.notes_off_pending = true;
}

typedef struct mc_clap_out {
    const clap_output_events_t *out;
} mc_clap_out;

static void mc_clap_emit(void *ctx, uint32_t frame, uint8_t status, uint8_t data1, uint8_t data2) {
    const clap_output_events_t *out = ((mc_clap_out *)ctx)->out;
    clap_event_midi_t ev = {
        .header = {.size = sizeof ev, .time = frame, .space_id = CLAP_CORE_EVENT_SPACE_ID, .type = CLAP_EVENT_MIDI},
        .port_index = 0,
        .data = {status, data1, data2},
    };
    out->try_push(out, &ev.header);
}

static void mc_clap_transport_of(const clap_event_transport_t *tr, mc_transport *t) {
    t->playing = tr && (tr->flags & CLAP_TRANSPORT_IS_PLAYING) && (tr->flags & CLAP_TRANSPORT_HAS_BEATS_TIMELINE);
    t->has_tempo = tr && (tr->flags & CLAP_TRANSPORT_HAS_TEMPO) && tr->tempo > 0;
    t->tempo_bpm = t->has_tempo ? tr->tempo : 0;
    t->pos_beats = tr ? (double)tr->song_pos_beats / (double)CLAP_BEATTIME_FACTOR : 0;
}

/* [audio-thread] a parameter change at once (and in the scheduler) */
static void mc_clap_param_event(mc_instance *inst, const clap_event_header_t *h) {
    const clap_event_param_value_t *pv = (const clap_event_param_value_t *)(const void *)h;
    if (pv->param_id >= MC_PARAM_COUNT) {
        return;
    }
    double v = mc_param_clamp((int)pv->param_id, pv->value);
    atomic_store_explicit(&inst->params[pv->param_id], v, memory_order_relaxed);
    if (pv->param_id == MC_PARAM_TRANSPOSE) {
        inst->sched.transpose_semitones = (int)v;
    } else {
        inst->sched.velocity_percent = v;
    }
}

static clap_process_status mc_clap_process(const clap_plugin_t *plugin, const clap_process_t *process) {
    mc_instance *inst = mc_self(plugin)->inst;
    mc_clap_out out = {process->out_events};
    const uint32_t frames = process->frames_count;
    mc_transport t;
    mc_clap_transport_of(process->transport, &t);
    uint32_t t_frame = 0; /* the frame t describes */

    mc_instance_audio_begin(inst);
    uint32_t cur = 0;
    const uint32_t n_in = process->in_events ? process->in_events->size(process->in_events) : 0;
    for (uint32_t i = 0; i <= n_in; i++) {
        const clap_event_header_t *h = i < n_in ? process->in_events->get(process->in_events, i) : NULL;
        uint32_t at = h ? (h->time < frames ? h->time : frames) : frames;
        if (h && h->space_id != CLAP_CORE_EVENT_SPACE_ID) {
            continue;
        }
        if (h && h->type != CLAP_EVENT_PARAM_VALUE && h->type != CLAP_EVENT_TRANSPORT) {
            continue;
        }
        if (at > cur) {
            mc_transport now = t;
            if (now.playing) {
                now.pos_beats += (cur - t_frame) * (now.tempo_bpm > 0 ? now.tempo_bpm : 120) / 60.0 /
                                 inst->sched.sample_rate;
            }
            mc_sched_render(&inst->sched, &now, cur, at - cur, mc_clap_emit, &out);
            cur = at;
        }
        if (h && h->type == CLAP_EVENT_PARAM_VALUE) {
            mc_clap_param_event(inst, h);
        } else if (h && h->type == CLAP_EVENT_TRANSPORT) {
            mc_clap_transport_of((const clap_event_transport_t *)(const void *)h, &t);
            t_frame = at;
        }
    }
    mc_instance_audio_transport(inst, t.playing, t.tempo_bpm);
    return CLAP_PROCESS_CONTINUE;
}

/* ---- note ports, audio ports, latency ---- */

static uint32_t mc_note_ports_count(const clap_plugin_t *plugin, bool is_input) {
    (void)plugin;
    return is_input ? 0 : 1;
}

static bool mc_note_ports_get(const clap_plugin_t *plugin, uint32_t index, bool is_input,
                              clap_note_port_info_t *info) {
    (void)plugin;
    if (is_input || index != 0) {
        return false;
    }
    memset(info, 0, sizeof *info);
    info->id = 0;
    info->supported_dialects = CLAP_NOTE_DIALECT_MIDI;
    info->preferred_dialect = CLAP_NOTE_DIALECT_MIDI;
    snprintf(info->name, sizeof info->name, "MIDI out");
    return true;
}

static const clap_plugin_note_ports_t MC_NOTE_PORTS = {mc_note_ports_count, mc_note_ports_get};

static uint32_t mc_audio_ports_count(const clap_plugin_t *plugin, bool is_input) {
    (void)plugin;
    (void)is_input;
    return 0;
}

static bool mc_audio_ports_get(const clap_plugin_t *plugin, uint32_t index, bool is_input,
                               clap_audio_port_info_t *info) {
    (void)plugin, (void)index, (void)is_input, (void)info;
    return false;
}

static const clap_plugin_audio_ports_t MC_AUDIO_PORTS = {mc_audio_ports_count, mc_audio_ports_get};

static uint32_t mc_latency_get(const clap_plugin_t *plugin) {
    (void)plugin;
    return 0;
}

static const clap_plugin_latency_t MC_LATENCY = {mc_latency_get};

/* ---- params ---- */

static uint32_t mc_params_count(const clap_plugin_t *plugin) {
    (void)plugin;
    return MC_PARAM_COUNT;
}

static bool mc_params_get_info(const clap_plugin_t *plugin, uint32_t index, clap_param_info_t *info) {
    (void)plugin;
    if (index >= MC_PARAM_COUNT) {
        return false;
    }
    memset(info, 0, sizeof *info);
    info->id = index;
    info->flags = CLAP_PARAM_IS_AUTOMATABLE | (index == MC_PARAM_TRANSPOSE ? CLAP_PARAM_IS_STEPPED : 0);
    snprintf(info->name, sizeof info->name, index == MC_PARAM_TRANSPOSE ? "Transpose" : "Velocity");
    info->min_value = mc_param_min((int)index);
    info->max_value = mc_param_max((int)index);
    info->default_value = mc_param_default((int)index);
    return true;
}

static bool mc_params_get_value(const clap_plugin_t *plugin, clap_id id, double *value) {
    if (id >= MC_PARAM_COUNT) {
        return false;
    }
    *value = atomic_load(&mc_self(plugin)->inst->params[id]);
    return true;
}

static bool mc_params_value_to_text(const clap_plugin_t *plugin, clap_id id, double value, char *out,
                                    uint32_t size) {
    (void)plugin;
    if (id >= MC_PARAM_COUNT || size == 0) {
        return false;
    }
    if (id == MC_PARAM_TRANSPOSE) {
        snprintf(out, size, "%+d st", (int)lround(value));
    } else {
        snprintf(out, size, "%.0f %%", value);
    }
    return true;
}

static bool mc_params_text_to_value(const clap_plugin_t *plugin, clap_id id, const char *text, double *value) {
    (void)plugin;
    char *end = NULL;
    double v = strtod(text, &end);
    if (id >= MC_PARAM_COUNT || end == text) {
        return false;
    }
    *value = mc_param_clamp((int)id, v);
    return true;
}

static void mc_params_flush(const clap_plugin_t *plugin, const clap_input_events_t *in,
                            const clap_output_events_t *out) {
    (void)out;
    mc_instance *inst = mc_self(plugin)->inst;
    for (uint32_t i = 0, n = in ? in->size(in) : 0; i < n; i++) {
        const clap_event_header_t *h = in->get(in, i);
        if (h->space_id == CLAP_CORE_EVENT_SPACE_ID && h->type == CLAP_EVENT_PARAM_VALUE) {
            mc_clap_param_event(inst, h);
        }
    }
}

static const clap_plugin_params_t MC_PARAMS = {mc_params_count,         mc_params_get_info,
                                               mc_params_get_value,     mc_params_value_to_text,
                                               mc_params_text_to_value, mc_params_flush};

/* ---- state: "MCS1", u32 version, f64 transpose, f64 velocity, u32 length, the Java side's blob ---- */

static bool mc_write_all(const clap_ostream_t *s, const void *data, uint64_t size) {
    const uint8_t *p = data;
    while (size > 0) {
        int64_t n = s->write(s, p, size);
        if (n <= 0) {
            return false;
        }
        p += n;
        size -= (uint64_t)n;
    }
    return true;
}

static bool mc_state_save(const clap_plugin_t *plugin, const clap_ostream_t *stream) {
    mc_instance *inst = mc_self(plugin)->inst;
    size_t len = 0;
    uint8_t *blob = mc_instance_state_copy(inst, &len);
    uint32_t version = MC_STATE_VERSION, len32 = (uint32_t)len;
    double tr = atomic_load(&inst->params[MC_PARAM_TRANSPOSE]), vel = atomic_load(&inst->params[MC_PARAM_VELOCITY]);
    bool ok = mc_write_all(stream, MC_STATE_MAGIC, 4) && mc_write_all(stream, &version, 4) &&
              mc_write_all(stream, &tr, 8) && mc_write_all(stream, &vel, 8) && mc_write_all(stream, &len32, 4) &&
              (len == 0 || mc_write_all(stream, blob, len));
    free(blob);
    return ok;
}

static bool mc_state_load(const clap_plugin_t *plugin, const clap_istream_t *stream) {
    mc_clap *self = mc_self(plugin);
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (buf == NULL) {
            return false;
        }
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return false;
            }
            buf = bigger;
            cap *= 2;
        }
        int64_t n = stream->read(stream, buf + len, cap - len);
        if (n < 0) {
            free(buf);
            return false;
        }
        if (n == 0) {
            break;
        }
        len += (size_t)n;
    }
    const size_t header = 4 + 4 + 8 + 8 + 4;
    bool ok = false;
    if (len >= header && memcmp(buf, MC_STATE_MAGIC, 4) == 0) {
        double tr, vel;
        uint32_t blob_len;
        memcpy(&tr, buf + 8, 8);
        memcpy(&vel, buf + 16, 8);
        memcpy(&blob_len, buf + 24, 4);
        if (blob_len <= len - header) {
            atomic_store(&self->inst->params[MC_PARAM_TRANSPOSE], mc_param_clamp(MC_PARAM_TRANSPOSE, tr));
            atomic_store(&self->inst->params[MC_PARAM_VELOCITY], mc_param_clamp(MC_PARAM_VELOCITY, vel));
            mc_instance_load_state(self->inst, buf + header, blob_len);
            if (self->host_params) {
                self->host_params->rescan(self->host, CLAP_PARAM_RESCAN_VALUES);
            }
            ok = true;
        }
    }
    if (!ok) {
        mc_instance_logf(self->inst, MC_LOG_WARNING, "the saved state (%zu bytes) is not ours; ignored", len);
    }
    free(buf);
    return ok;
}

static const clap_plugin_state_t MC_STATE = {mc_state_save, mc_state_load};

/* ---- gui: X11, embedded (set_parent) or floating (show) ---- */

static bool mc_gui_is_api_supported(const clap_plugin_t *plugin, const char *api, bool is_floating) {
    (void)plugin;
    (void)is_floating;
    return api && strcmp(api, CLAP_WINDOW_API_X11) == 0;
}

static bool mc_gui_get_preferred_api(const clap_plugin_t *plugin, const char **api, bool *is_floating) {
    (void)plugin;
    *api = CLAP_WINDOW_API_X11;
    *is_floating = false;
    return true;
}

static bool mc_gui_create(const clap_plugin_t *plugin, const char *api, bool is_floating) {
    mc_clap *self = mc_self(plugin);
    if (!mc_gui_is_api_supported(plugin, api, is_floating) ||
        atomic_load(&self->inst->java_state) == MC_JAVA_FAILED) {
        return false;
    }
    self->gui_created = true;
    self->gui_floating = is_floating;
    self->gui_opened = false;
    return true;
}

static void mc_gui_destroy(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    if (self->gui_opened) {
        mc_instance_gui_close(self->inst);
    }
    self->gui_created = self->gui_opened = false;
}

static bool mc_gui_set_scale(const clap_plugin_t *plugin, double scale) {
    (void)plugin;
    (void)scale;
    return false; /* Swing follows the desktop's scale itself */
}

static bool mc_gui_get_size(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height) {
    mc_instance *inst = mc_self(plugin)->inst;
    *width = atomic_load(&inst->gui_width);
    *height = atomic_load(&inst->gui_height);
    return true;
}

static bool mc_gui_can_resize(const clap_plugin_t *plugin) {
    (void)plugin;
    return true;
}

static bool mc_gui_get_resize_hints(const clap_plugin_t *plugin, clap_gui_resize_hints_t *hints) {
    (void)plugin;
    *hints = (clap_gui_resize_hints_t){true, true, false, 0, 0};
    return true;
}

static bool mc_gui_adjust_size(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height) {
    (void)plugin;
    if (*width < 400) *width = 400;
    if (*height < 300) *height = 300;
    return true;
}

static bool mc_gui_set_size(const clap_plugin_t *plugin, uint32_t width, uint32_t height) {
    mc_instance_gui_set_size(mc_self(plugin)->inst, width, height);
    return true;
}

static bool mc_gui_set_parent(const clap_plugin_t *plugin, const clap_window_t *window) {
    mc_clap *self = mc_self(plugin);
    if (!self->gui_created || window == NULL || window->api == NULL ||
        strcmp(window->api, CLAP_WINDOW_API_X11) != 0) {
        return false;
    }
    mc_instance_gui_open(self->inst, window->x11);
    self->gui_opened = true;
    return true;
}

static bool mc_gui_set_transient(const clap_plugin_t *plugin, const clap_window_t *window) {
    (void)plugin;
    (void)window;
    return true;
}

static void mc_gui_suggest_title(const clap_plugin_t *plugin, const char *title) {
    (void)plugin;
    (void)title;
}

static bool mc_gui_show(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    if (!self->gui_created) {
        return false;
    }
    if (!self->gui_opened) { /* floating: the Java side opens its own window */
        mc_instance_gui_open(self->inst, 0);
        self->gui_opened = true;
    } else {
        mc_instance_gui_visible(self->inst, true);
    }
    return true;
}

static bool mc_gui_hide(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    if (self->gui_opened) {
        mc_instance_gui_visible(self->inst, false);
    }
    return true;
}

static const clap_plugin_gui_t MC_GUI = {
    mc_gui_is_api_supported, mc_gui_get_preferred_api, mc_gui_create,     mc_gui_destroy,
    mc_gui_set_scale,        mc_gui_get_size,          mc_gui_can_resize, mc_gui_get_resize_hints,
    mc_gui_adjust_size,      mc_gui_set_size,          mc_gui_set_parent, mc_gui_set_transient,
    mc_gui_suggest_title,    mc_gui_show,              mc_gui_hide,
};

/* ---- the test-only extension ---- */

static bool mc_test_publish(const clap_plugin_t *plugin, double length_beats, double bpm, uint32_t count,
                            const double *beats, const uint8_t *status, const uint8_t *data1, const uint8_t *data2) {
    return mc_ring_push_pattern(&mc_self(plugin)->inst->ring, length_beats, bpm, count, beats, status, data1, data2);
}

static bool mc_test_clear(const clap_plugin_t *plugin) {
    return mc_ring_push_simple(&mc_self(plugin)->inst->ring, MC_REC_CLEAR);
}

static bool mc_test_audition(const clap_plugin_t *plugin, bool on) {
    return mc_ring_push_simple(&mc_self(plugin)->inst->ring, on ? MC_REC_AUDITION_ON : MC_REC_AUDITION_OFF);
}

static int mc_test_java_state(const clap_plugin_t *plugin) {
    return atomic_load(&mc_self(plugin)->inst->java_state);
}

static const mc_plugin_test_pattern_t MC_TEST = {mc_test_publish, mc_test_clear, mc_test_audition,
                                                  mc_test_java_state};

static const void *mc_clap_get_extension(const clap_plugin_t *plugin, const char *id) {
    (void)plugin;
    if (strcmp(id, CLAP_EXT_NOTE_PORTS) == 0) return &MC_NOTE_PORTS;
    if (strcmp(id, CLAP_EXT_AUDIO_PORTS) == 0) return &MC_AUDIO_PORTS;
    if (strcmp(id, CLAP_EXT_PARAMS) == 0) return &MC_PARAMS;
    if (strcmp(id, CLAP_EXT_STATE) == 0) return &MC_STATE;
    if (strcmp(id, CLAP_EXT_GUI) == 0) return &MC_GUI;
    if (strcmp(id, CLAP_EXT_LATENCY) == 0) return &MC_LATENCY;
    if (strcmp(id, MC_EXT_TEST_PATTERN) == 0) {
        const char *t = getenv("MIDICENTER_PLUGIN_TEST");
        return t && strcmp(t, "1") == 0 ? &MC_TEST : NULL;
    }
    return NULL;
}

static void mc_clap_on_main_thread(const clap_plugin_t *plugin) {
    mc_clap *self = mc_self(plugin);
    if (atomic_exchange(&self->state_dirty, false) && self->host_state) {
        self->host_state->mark_dirty(self->host);
    }
}

/* ---- descriptor, factory, entry ---- */

static const char *const MC_FEATURES[] = {"note-effect", "utility", NULL};

static const clap_plugin_descriptor_t MC_DESCRIPTOR = {
    .clap_version = CLAP_VERSION_INIT,
    .id = "com.midicenter.browser",
    .name = "MIDI Software Center",
    .vendor = "MIDI Software Center",
    .url = "https://midicenter.example/",
    .manual_url = "https://midicenter.example/plugin",
    .support_url = "https://midicenter.example/support",
    .version = "0.1.0",
    .description = "Browse a MIDI library inside the host and preview files in sync with its transport",
    .features = MC_FEATURES,
};

static uint32_t mc_factory_count(const clap_plugin_factory_t *factory) {
    (void)factory;
    return 1;
}

static const clap_plugin_descriptor_t *mc_factory_descriptor(const clap_plugin_factory_t *factory,
                                                              uint32_t index) {
    (void)factory;
    return index == 0 ? &MC_DESCRIPTOR : NULL;
}

static const clap_plugin_t *mc_factory_create(const clap_plugin_factory_t *factory, const clap_host_t *host,
                                              const char *plugin_id) {
    (void)factory;
    if (host == NULL || plugin_id == NULL || strcmp(plugin_id, MC_DESCRIPTOR.id) != 0 ||
        host->clap_version.major < 1) {
        return NULL;
    }
    mc_clap *self = calloc(1, sizeof *self);
    if (self == NULL) {
        return NULL;
    }
    self->host = host;
    self->plugin = (clap_plugin_t){
        .desc = &MC_DESCRIPTOR,
        .plugin_data = self,
        .init = mc_clap_init,
        .destroy = mc_clap_destroy,
        .activate = mc_clap_activate,
        .deactivate = mc_clap_deactivate,
        .start_processing = mc_clap_start_processing,
        .stop_processing = mc_clap_stop_processing,
        .reset = mc_clap_reset,
        .process = mc_clap_process,
        .get_extension = mc_clap_get_extension,
        .on_main_thread = mc_clap_on_main_thread,
    };
    return &self->plugin;
}

static const clap_plugin_factory_t MC_FACTORY = {mc_factory_count, mc_factory_descriptor, mc_factory_create};

static bool mc_entry_init(const char *plugin_path) {
    snprintf(g_clap_dir, sizeof g_clap_dir, "%s", plugin_path ? plugin_path : ".");
    char *slash = strrchr(g_clap_dir, '/');
    if (slash) {
        *slash = '\0';
    } else {
        snprintf(g_clap_dir, sizeof g_clap_dir, ".");
    }
    return true;
}

static void mc_entry_deinit(void) {
    mc_core_shutdown(MC_SHUTDOWN_TIMEOUT_MS); /* the embedded database stops with the host, not after it */
}

static const void *mc_entry_get_factory(const char *factory_id) {
    return factory_id && strcmp(factory_id, CLAP_PLUGIN_FACTORY_ID) == 0 ? &MC_FACTORY : NULL;
}

__attribute__((visibility("default"))) const clap_plugin_entry_t clap_entry = {
    .clap_version = CLAP_VERSION_INIT,
    .init = mc_entry_init,
    .deinit = mc_entry_deinit,
    .get_factory = mc_entry_get_factory,
};
