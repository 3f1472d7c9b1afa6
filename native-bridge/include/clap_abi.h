/*
 * clap_abi.h: the subset of the CLAP 1.x plugin ABI that MIDI Software Center uses, written from the public CLAP
 * specification (https://github.com/free-audio/clap, MIT). Only the structures, constants and extension ids the
 * plugin and the project's own test host touch are here; layouts follow the specification exactly (plain C structs,
 * natural alignment, cdecl on x86-64).
 *
 * Threads, as the specification names them: [main-thread], [audio-thread], [thread-safe].
 */
#ifndef MC_CLAP_ABI_H
#define MC_CLAP_ABI_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version, ids, fixed point ---- */

typedef struct clap_version {
    uint32_t major, minor, revision;
} clap_version_t;

#define CLAP_VERSION_INIT { 1u, 2u, 0u }

typedef uint32_t clap_id;
#define CLAP_INVALID_ID UINT32_MAX

#define CLAP_NAME_SIZE 256
#define CLAP_PATH_SIZE 1024

/* positions in beats and seconds: signed 31.31 fixed point */
typedef int64_t clap_beattime;
typedef int64_t clap_sectime;
#define CLAP_BEATTIME_FACTOR (1LL << 31)
#define CLAP_SECTIME_FACTOR (1LL << 31)

/* ---- streams (state) ---- */

typedef struct clap_istream {
    void *ctx;
    /* returns bytes read, 0 at end of file, -1 on error */
    int64_t (*read)(const struct clap_istream *stream, void *buffer, uint64_t size);
} clap_istream_t;

typedef struct clap_ostream {
    void *ctx;
    /* returns bytes written, -1 on error */
    int64_t (*write)(const struct clap_ostream *stream, const void *buffer, uint64_t size);
} clap_ostream_t;

/* ---- events ---- */

typedef struct clap_event_header {
    uint32_t size;     /* the whole event, header included */
    uint32_t time;     /* frame offset inside the block */
    uint16_t space_id; /* CLAP_CORE_EVENT_SPACE_ID for the events below */
    uint16_t type;
    uint32_t flags;
} clap_event_header_t;

#define CLAP_CORE_EVENT_SPACE_ID 0

enum {
    CLAP_EVENT_IS_LIVE = 1 << 0,
    CLAP_EVENT_DONT_RECORD = 1 << 1,
};

enum {
    CLAP_EVENT_NOTE_ON = 0,
    CLAP_EVENT_NOTE_OFF = 1,
    CLAP_EVENT_NOTE_CHOKE = 2,
    CLAP_EVENT_NOTE_END = 3,
    CLAP_EVENT_NOTE_EXPRESSION = 4,
    CLAP_EVENT_PARAM_VALUE = 5,
    CLAP_EVENT_PARAM_MOD = 6,
    CLAP_EVENT_PARAM_GESTURE_BEGIN = 7,
    CLAP_EVENT_PARAM_GESTURE_END = 8,
    CLAP_EVENT_TRANSPORT = 9,
    CLAP_EVENT_MIDI = 10,
    CLAP_EVENT_MIDI_SYSEX = 11,
    CLAP_EVENT_MIDI2 = 12,
};

typedef struct clap_event_note {
    clap_event_header_t header;
    int32_t note_id;
    int16_t port_index;
    int16_t channel;
    int16_t key;
    double velocity;
} clap_event_note_t;

typedef struct clap_event_param_value {
    clap_event_header_t header;
    clap_id param_id;
    void *cookie;
    int32_t note_id;
    int16_t port_index;
    int16_t channel;
    int16_t key;
    double value;
} clap_event_param_value_t;

enum {
    CLAP_TRANSPORT_HAS_TEMPO = 1 << 0,
    CLAP_TRANSPORT_HAS_BEATS_TIMELINE = 1 << 1,
    CLAP_TRANSPORT_HAS_SECONDS_TIMELINE = 1 << 2,
    CLAP_TRANSPORT_HAS_TIME_SIGNATURE = 1 << 3,
    CLAP_TRANSPORT_IS_PLAYING = 1 << 4,
    CLAP_TRANSPORT_IS_RECORDING = 1 << 5,
    CLAP_TRANSPORT_IS_LOOP_ACTIVE = 1 << 6,
    CLAP_TRANSPORT_IS_WITHIN_PRE_ROLL = 1 << 7,
};

typedef struct clap_event_transport {
    clap_event_header_t header;
    uint32_t flags;
    clap_beattime song_pos_beats;
    clap_sectime song_pos_seconds;
    double tempo;     /* bpm */
    double tempo_inc; /* per frame, until the next transport event */
    clap_beattime loop_start_beats;
    clap_beattime loop_end_beats;
    clap_sectime loop_start_seconds;
    clap_sectime loop_end_seconds;
    clap_beattime bar_start;
    int32_t bar_number;
    uint16_t tsig_num;
    uint16_t tsig_denom;
} clap_event_transport_t;

typedef struct clap_event_midi {
    clap_event_header_t header;
    uint16_t port_index;
    uint8_t data[3];
} clap_event_midi_t;

typedef struct clap_input_events {
    void *ctx;
    uint32_t (*size)(const struct clap_input_events *list);
    const clap_event_header_t *(*get)(const struct clap_input_events *list, uint32_t index);
} clap_input_events_t;

typedef struct clap_output_events {
    void *ctx;
    /* copies the event; false when the host could not take it */
    bool (*try_push)(const struct clap_output_events *list, const clap_event_header_t *event);
} clap_output_events_t;

/* ---- process ---- */

typedef struct clap_audio_buffer {
    float **data32;
    double **data64;
    uint32_t channel_count;
    uint32_t latency;
    uint64_t constant_mask;
} clap_audio_buffer_t;

typedef struct clap_process {
    int64_t steady_time; /* -1 when unknown */
    uint32_t frames_count;
    const clap_event_transport_t *transport; /* NULL for free-running hosts */
    const clap_audio_buffer_t *audio_inputs;
    clap_audio_buffer_t *audio_outputs;
    uint32_t audio_inputs_count;
    uint32_t audio_outputs_count;
    const clap_input_events_t *in_events;
    const clap_output_events_t *out_events;
} clap_process_t;

typedef int32_t clap_process_status;
enum {
    CLAP_PROCESS_ERROR = 0,
    CLAP_PROCESS_CONTINUE = 1,
    CLAP_PROCESS_CONTINUE_IF_NOT_QUIET = 2,
    CLAP_PROCESS_TAIL = 3,
    CLAP_PROCESS_SLEEP = 4,
};

/* ---- host, plugin, factory, entry ---- */

typedef struct clap_host {
    clap_version_t clap_version;
    void *host_data;
    const char *name;
    const char *vendor;
    const char *url;
    const char *version;
    /* [thread-safe] */
    const void *(*get_extension)(const struct clap_host *host, const char *extension_id);
    /* [thread-safe] */
    void (*request_restart)(const struct clap_host *host);
    /* [thread-safe] */
    void (*request_process)(const struct clap_host *host);
    /* [thread-safe] the host calls clap_plugin.on_main_thread() soon */
    void (*request_callback)(const struct clap_host *host);
} clap_host_t;

typedef struct clap_plugin_descriptor {
    clap_version_t clap_version;
    const char *id;
    const char *name;
    const char *vendor;
    const char *url;
    const char *manual_url;
    const char *support_url;
    const char *version;
    const char *description;
    const char *const *features; /* NULL-terminated */
} clap_plugin_descriptor_t;

typedef struct clap_plugin {
    const clap_plugin_descriptor_t *desc;
    void *plugin_data;
    bool (*init)(const struct clap_plugin *plugin);                       /* [main-thread] */
    void (*destroy)(const struct clap_plugin *plugin);                    /* [main-thread] */
    bool (*activate)(const struct clap_plugin *plugin, double sample_rate, uint32_t min_frames_count,
                     uint32_t max_frames_count);                          /* [main-thread & !active] */
    void (*deactivate)(const struct clap_plugin *plugin);                 /* [main-thread & active] */
    bool (*start_processing)(const struct clap_plugin *plugin);           /* [audio-thread & active & !processing] */
    void (*stop_processing)(const struct clap_plugin *plugin);            /* [audio-thread & active & processing] */
    void (*reset)(const struct clap_plugin *plugin);                      /* [audio-thread & active] */
    clap_process_status (*process)(const struct clap_plugin *plugin,
                                   const clap_process_t *process);        /* [audio-thread & active & processing] */
    const void *(*get_extension)(const struct clap_plugin *plugin, const char *id); /* [thread-safe] */
    void (*on_main_thread)(const struct clap_plugin *plugin);             /* [main-thread] */
} clap_plugin_t;

#define CLAP_PLUGIN_FACTORY_ID "clap.plugin-factory"

typedef struct clap_plugin_factory {
    uint32_t (*get_plugin_count)(const struct clap_plugin_factory *factory);
    const clap_plugin_descriptor_t *(*get_plugin_descriptor)(const struct clap_plugin_factory *factory,
                                                             uint32_t index);
    const clap_plugin_t *(*create_plugin)(const struct clap_plugin_factory *factory, const clap_host_t *host,
                                          const char *plugin_id);
} clap_plugin_factory_t;

typedef struct clap_plugin_entry {
    clap_version_t clap_version;
    bool (*init)(const char *plugin_path); /* path of the .clap file */
    void (*deinit)(void);
    const void *(*get_factory)(const char *factory_id);
} clap_plugin_entry_t;

/* ---- extensions ---- */

#define CLAP_EXT_LOG "clap.log"
enum {
    CLAP_LOG_DEBUG = 0,
    CLAP_LOG_INFO = 1,
    CLAP_LOG_WARNING = 2,
    CLAP_LOG_ERROR = 3,
    CLAP_LOG_FATAL = 4,
    CLAP_LOG_HOST_MISBEHAVING = 5,
    CLAP_LOG_PLUGIN_MISBEHAVING = 6,
};
typedef int32_t clap_log_severity;
typedef struct clap_host_log {
    void (*log)(const clap_host_t *host, clap_log_severity severity, const char *msg); /* [thread-safe] */
} clap_host_log_t;

#define CLAP_EXT_AUDIO_PORTS "clap.audio-ports"
typedef struct clap_audio_port_info {
    clap_id id;
    char name[CLAP_NAME_SIZE];
    uint32_t flags;
    uint32_t channel_count;
    const char *port_type;
    clap_id in_place_pair;
} clap_audio_port_info_t;
typedef struct clap_plugin_audio_ports {
    uint32_t (*count)(const clap_plugin_t *plugin, bool is_input);
    bool (*get)(const clap_plugin_t *plugin, uint32_t index, bool is_input, clap_audio_port_info_t *info);
} clap_plugin_audio_ports_t;

#define CLAP_EXT_NOTE_PORTS "clap.note-ports"
enum {
    CLAP_NOTE_DIALECT_CLAP = 1 << 0,
    CLAP_NOTE_DIALECT_MIDI = 1 << 1,
    CLAP_NOTE_DIALECT_MIDI_MPE = 1 << 2,
    CLAP_NOTE_DIALECT_MIDI2 = 1 << 3,
};
typedef struct clap_note_port_info {
    clap_id id;
    uint32_t supported_dialects;
    uint32_t preferred_dialect;
    char name[CLAP_NAME_SIZE];
} clap_note_port_info_t;
typedef struct clap_plugin_note_ports {
    uint32_t (*count)(const clap_plugin_t *plugin, bool is_input);
    bool (*get)(const clap_plugin_t *plugin, uint32_t index, bool is_input, clap_note_port_info_t *info);
} clap_plugin_note_ports_t;

#define CLAP_EXT_PARAMS "clap.params"
enum {
    CLAP_PARAM_IS_STEPPED = 1 << 0,
    CLAP_PARAM_IS_PERIODIC = 1 << 1,
    CLAP_PARAM_IS_HIDDEN = 1 << 2,
    CLAP_PARAM_IS_READONLY = 1 << 3,
    CLAP_PARAM_IS_BYPASS = 1 << 4,
    CLAP_PARAM_IS_AUTOMATABLE = 1 << 5,
    CLAP_PARAM_IS_AUTOMATABLE_PER_NOTE_ID = 1 << 6,
    CLAP_PARAM_IS_AUTOMATABLE_PER_KEY = 1 << 7,
    CLAP_PARAM_IS_AUTOMATABLE_PER_CHANNEL = 1 << 8,
    CLAP_PARAM_IS_AUTOMATABLE_PER_PORT = 1 << 9,
    CLAP_PARAM_IS_MODULATABLE = 1 << 10,
};
typedef struct clap_param_info {
    clap_id id;
    uint32_t flags;
    void *cookie;
    char name[CLAP_NAME_SIZE];
    char module[CLAP_PATH_SIZE];
    double min_value;
    double max_value;
    double default_value;
} clap_param_info_t;
typedef struct clap_plugin_params {
    uint32_t (*count)(const clap_plugin_t *plugin);                                            /* [main-thread] */
    bool (*get_info)(const clap_plugin_t *plugin, uint32_t param_index, clap_param_info_t *info); /* [main-thread] */
    bool (*get_value)(const clap_plugin_t *plugin, clap_id param_id, double *out_value);        /* [main-thread] */
    bool (*value_to_text)(const clap_plugin_t *plugin, clap_id param_id, double value, char *out_buffer,
                          uint32_t out_buffer_capacity);                                        /* [main-thread] */
    bool (*text_to_value)(const clap_plugin_t *plugin, clap_id param_id, const char *text,
                          double *out_value);                                                   /* [main-thread] */
    /* [active ? audio-thread : main-thread], never concurrently with process() */
    void (*flush)(const clap_plugin_t *plugin, const clap_input_events_t *in, const clap_output_events_t *out);
} clap_plugin_params_t;
typedef struct clap_host_params {
    void (*rescan)(const clap_host_t *host, uint32_t flags);                 /* [main-thread] */
    void (*clear)(const clap_host_t *host, clap_id param_id, uint32_t flags); /* [main-thread] */
    void (*request_flush)(const clap_host_t *host);                          /* [thread-safe] */
} clap_host_params_t;
#define CLAP_PARAM_RESCAN_VALUES (1u << 0)

#define CLAP_EXT_STATE "clap.state"
typedef struct clap_plugin_state {
    bool (*save)(const clap_plugin_t *plugin, const clap_ostream_t *stream); /* [main-thread] */
    bool (*load)(const clap_plugin_t *plugin, const clap_istream_t *stream); /* [main-thread] */
} clap_plugin_state_t;
typedef struct clap_host_state {
    void (*mark_dirty)(const clap_host_t *host); /* [main-thread] */
} clap_host_state_t;

#define CLAP_EXT_LATENCY "clap.latency"
typedef struct clap_plugin_latency {
    uint32_t (*get)(const clap_plugin_t *plugin); /* [main-thread & active] */
} clap_plugin_latency_t;

#define CLAP_EXT_GUI "clap.gui"
#define CLAP_WINDOW_API_X11 "x11"
typedef unsigned long clap_xwnd;
typedef struct clap_window {
    const char *api;
    union {
        void *cocoa;
        clap_xwnd x11;
        void *win32;
        void *ptr;
    };
} clap_window_t;
typedef struct clap_gui_resize_hints {
    bool can_resize_horizontally;
    bool can_resize_vertically;
    bool preserve_aspect_ratio;
    uint32_t aspect_ratio_width;
    uint32_t aspect_ratio_height;
} clap_gui_resize_hints_t;
/* every function: [main-thread] */
typedef struct clap_plugin_gui {
    bool (*is_api_supported)(const clap_plugin_t *plugin, const char *api, bool is_floating);
    bool (*get_preferred_api)(const clap_plugin_t *plugin, const char **api, bool *is_floating);
    bool (*create)(const clap_plugin_t *plugin, const char *api, bool is_floating);
    void (*destroy)(const clap_plugin_t *plugin);
    bool (*set_scale)(const clap_plugin_t *plugin, double scale);
    bool (*get_size)(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height);
    bool (*can_resize)(const clap_plugin_t *plugin);
    bool (*get_resize_hints)(const clap_plugin_t *plugin, clap_gui_resize_hints_t *hints);
    bool (*adjust_size)(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height);
    bool (*set_size)(const clap_plugin_t *plugin, uint32_t width, uint32_t height);
    bool (*set_parent)(const clap_plugin_t *plugin, const clap_window_t *window);
    bool (*set_transient)(const clap_plugin_t *plugin, const clap_window_t *window);
    void (*suggest_title)(const clap_plugin_t *plugin, const char *title);
    bool (*show)(const clap_plugin_t *plugin);
    bool (*hide)(const clap_plugin_t *plugin);
} clap_plugin_gui_t;
typedef struct clap_host_gui {
    void (*resize_hints_changed)(const clap_host_t *host);                        /* [thread-safe & !floating] */
    bool (*request_resize)(const clap_host_t *host, uint32_t width, uint32_t height); /* [thread-safe & !floating] */
    bool (*request_show)(const clap_host_t *host);                                /* [thread-safe] */
    bool (*request_hide)(const clap_host_t *host);                                /* [thread-safe] */
    void (*closed)(const clap_host_t *host, bool was_destroyed);                  /* [thread-safe] */
} clap_host_gui_t;

/* ---- this project's test-only extension (not part of CLAP) ----
 * Lets the project's own test host play a pattern without the Java side: it writes the same ring records Java's
 * RingWriter writes (the test host becomes the ring's single producer). Offered only when the environment has
 * MIDICENTER_PLUGIN_TEST=1. */
#define MC_EXT_TEST_PATTERN "com.midicenter.test-pattern"
typedef struct mc_plugin_test_pattern {
    /* [main-thread] false when the ring has no room */
    bool (*publish)(const clap_plugin_t *plugin, double length_beats, double bpm, uint32_t count,
                    const double *beats, const uint8_t *status, const uint8_t *data1, const uint8_t *data2);
    bool (*clear)(const clap_plugin_t *plugin);
    bool (*audition)(const clap_plugin_t *plugin, bool on);
    /* [main-thread] 1 when the Java side is up, 0 while it starts, -1 when it failed or is disabled */
    int (*java_state)(const clap_plugin_t *plugin);
} mc_plugin_test_pattern_t;

#ifdef __cplusplus
}
#endif

#endif
