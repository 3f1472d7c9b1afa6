/*
 * mc_core.c: instances and the bridge thread (contract in mc_core.h).
 *
 * The bridge thread is the process's one thread that calls Java: it starts (or joins) the JVM with a big stack, then
 * serves a FIFO of commands from the instances' main-thread calls (create, load state, GUI, destroy) and, every
 * 100 ms, passes changed transports to the UI. The main thread only enqueues: it never waits for Java.
 *
 * Java calls back through two natives registered on com.midicenter.plugin.Bridge:
 *   static native void nativeStateChanged(long handle, byte[] state)
 *   static native void nativeLog(long handle, String message)
 * where handle is the mc_instance pointer given to Bridge.create; Java stops using it before Bridge.destroy returns.
 */
#include "mc_core.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mc_jvm.h"

#define MC_BRIDGE_STACK_BYTES (16u << 20)
#define MC_TRANSPORT_POLL_MS 100
#define MC_BRIDGE_CLASS "com.midicenter.plugin.Bridge"

enum { CMD_CREATE, CMD_LOAD_STATE, CMD_GUI_OPEN, CMD_GUI_VISIBLE, CMD_GUI_SIZE, CMD_GUI_CLOSE, CMD_DESTROY,
       CMD_SHUTDOWN };

typedef struct mc_cmd {
    int type;
    mc_instance *inst;
    uint64_t arg;
    uint32_t width, height;
    uint8_t *data;
    size_t len;
    struct mc_cmd *next;
} mc_cmd;

/* shared with the main threads, under g_lock */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static bool g_thread_started;
static bool g_shutdown_asked; /* mc_core_shutdown ran (once) */
static bool g_shutdown_done;  /* the Java side answered it */
static mc_cmd *g_head, *g_tail;
static char g_start_bundle[4096], g_start_jars[4096];

static _Atomic int g_java_state = MC_JAVA_STARTING;
static char g_java_error[2048]; /* written once before g_java_state becomes FAILED */

/* bridge thread only */
static JavaVM *g_vm;
static JNIEnv *g_env;
static jclass g_bridge;
static jmethodID g_m_create, g_m_load_state, g_m_transport, g_m_gui_open, g_m_gui_visible, g_m_gui_size,
    g_m_gui_set_size, g_m_gui_close, g_m_destroy, g_m_shutdown;
static mc_instance *g_live;

/* ---- parameters ---- */

static const double MC_PARAM_MIN[MC_PARAM_COUNT] = {-24, 0};
static const double MC_PARAM_MAX[MC_PARAM_COUNT] = {24, 200};
static const double MC_PARAM_DEFAULT[MC_PARAM_COUNT] = {0, 100};

double mc_param_min(int id) { return MC_PARAM_MIN[id]; }
double mc_param_max(int id) { return MC_PARAM_MAX[id]; }
double mc_param_default(int id) { return MC_PARAM_DEFAULT[id]; }

double mc_param_clamp(int id, double v) {
    if (!isfinite(v)) return MC_PARAM_DEFAULT[id];
    if (id == MC_PARAM_TRANSPOSE) v = round(v);
    return v < MC_PARAM_MIN[id] ? MC_PARAM_MIN[id] : v > MC_PARAM_MAX[id] ? MC_PARAM_MAX[id] : v;
}

/* ---- logging ---- */

static void mc_vlog(mc_instance *inst, int level, const char *fmt, va_list ap) {
    char line[2048];
    vsnprintf(line, sizeof line, fmt, ap);
    bool done = false;
    if (inst != NULL) {
        pthread_mutex_lock(&inst->state_lock);
        if (inst->log) {
            inst->log(inst->cb_ctx, level, line);
            done = true;
        }
        pthread_mutex_unlock(&inst->state_lock);
    }
    if (!done) {
        fprintf(stderr, "MIDI Software Center: %s\n", line);
    }
}

void mc_instance_logf(mc_instance *inst, int level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mc_vlog(inst, level, fmt, ap);
    va_end(ap);
}

static double mc_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- JNI: natives Java calls ---- */

static void JNICALL mc_native_state_changed(JNIEnv *env, jclass cls, jlong handle, jbyteArray state) {
    (void)cls;
    mc_instance *inst = (mc_instance *)(intptr_t)handle;
    if (inst == NULL || state == NULL) {
        return;
    }
    jsize len = (*env)->GetArrayLength(env, state);
    uint8_t *copy = malloc(len > 0 ? (size_t)len : 1);
    if (copy == NULL) {
        return;
    }
    (*env)->GetByteArrayRegion(env, state, 0, len, (jbyte *)copy);
    pthread_mutex_lock(&inst->state_lock);
    free(inst->state);
    inst->state = copy;
    inst->state_len = (size_t)len;
    if (inst->state_changed) {
        inst->state_changed(inst->cb_ctx);
    }
    pthread_mutex_unlock(&inst->state_lock);
}

static void JNICALL mc_native_log(JNIEnv *env, jclass cls, jlong handle, jstring message) {
    (void)cls;
    if (message == NULL) {
        return;
    }
    const char *utf = (*env)->GetStringUTFChars(env, message, NULL);
    if (utf) {
        mc_instance_logf((mc_instance *)(intptr_t)handle, MC_LOG_INFO, "%s", utf);
        (*env)->ReleaseStringUTFChars(env, message, utf);
    }
}

static bool mc_java_failed(JNIEnv *env, const char *what) {
    if ((*env)->ExceptionCheck(env)) {
        fprintf(stderr, "MIDI Software Center: Java threw in %s:\n", what);
        (*env)->ExceptionDescribe(env);
        (*env)->ExceptionClear(env);
        return true;
    }
    return false;
}

/* Starts the JVM, checks the API version, registers the natives. [bridge-thread] */
static bool mc_java_boot(char *err, size_t err_size) {
    bool created = false;
    double t0 = mc_now_ms();
    g_vm = mc_jvm_start(g_start_bundle, g_start_jars, &g_env, &created, err, err_size);
    if (g_vm == NULL) {
        return false;
    }
    double t_vm = mc_now_ms();
    JNIEnv *env = g_env;
    jclass cls = mc_jvm_find_class(env, created, g_start_jars, MC_BRIDGE_CLASS);
    if (cls == NULL) {
        snprintf(err, err_size, "class %s not found on the plugin's class path (%s)", MC_BRIDGE_CLASS, g_start_jars);
        return false;
    }
    jmethodID api = (*env)->GetStaticMethodID(env, cls, "apiVersion", "()I");
    jint version = api ? (*env)->CallStaticIntMethod(env, cls, api) : -1;
    if (mc_java_failed(env, "Bridge.apiVersion") || version != MC_BRIDGE_API_VERSION) {
        snprintf(err, err_size, "the Java side has bridge API version %d, this plugin binary needs %d: install "
                 "matching plugin files", (int)version, MC_BRIDGE_API_VERSION);
        return false;
    }
    JNINativeMethod natives[] = {
        {"nativeStateChanged", "(J[B)V", (void *)mc_native_state_changed},
        {"nativeLog", "(JLjava/lang/String;)V", (void *)mc_native_log},
    };
    if ((*env)->RegisterNatives(env, cls, natives, 2) != 0) {
        mc_java_failed(env, "RegisterNatives");
        snprintf(err, err_size, "cannot register the bridge natives on %s", MC_BRIDGE_CLASS);
        return false;
    }
#define MC_INST "Lcom/midicenter/plugin/Bridge$Instance;"
    struct {
        jmethodID *id;
        const char *name, *sig;
    } methods[] = {
        {&g_m_create, "create", "(JLjava/nio/ByteBuffer;Ljava/lang/String;)" MC_INST},
        {&g_m_load_state, "loadState", "(" MC_INST "[B)V"},
        {&g_m_transport, "transport", "(" MC_INST "ZD)V"},
        {&g_m_gui_open, "guiOpen", "(" MC_INST "J)Z"},
        {&g_m_gui_visible, "guiVisible", "(" MC_INST "Z)V"},
        {&g_m_gui_size, "guiSize", "(" MC_INST ")[I"},
        {&g_m_gui_set_size, "guiSetSize", "(" MC_INST "II)Z"},
        {&g_m_gui_close, "guiClose", "(" MC_INST ")V"},
        {&g_m_destroy, "destroy", "(" MC_INST ")V"},
        {&g_m_shutdown, "shutdown", "(J)Z"},
    };
#undef MC_INST
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        *methods[i].id = (*env)->GetStaticMethodID(env, cls, methods[i].name, methods[i].sig);
        if (*methods[i].id == NULL) {
            mc_java_failed(env, "GetStaticMethodID");
            snprintf(err, err_size, "%s.%s%s is missing: the Java side does not match this binary", MC_BRIDGE_CLASS,
                     methods[i].name, methods[i].sig);
            return false;
        }
    }
    g_bridge = (*env)->NewGlobalRef(env, cls);
    fprintf(stderr, "MIDI Software Center: Java ready in %.0f ms (%s JVM %.0f ms, bridge %.0f ms)\n",
            mc_now_ms() - t0, created ? "new" : "joined", t_vm - t0, mc_now_ms() - t_vm);
    return true;
}

static void mc_instance_free(mc_instance *inst) {
    mc_ring_free(&inst->ring);
    mc_sched_free(&inst->sched);
    free(inst->state);
    pthread_mutex_destroy(&inst->state_lock);
    free(inst);
}

static void mc_update_gui_size(JNIEnv *env, mc_instance *inst) {
    jintArray size = (*env)->CallStaticObjectMethod(env, g_bridge, g_m_gui_size, (jobject)inst->jinstance);
    if (!mc_java_failed(env, "guiSize") && size != NULL && (*env)->GetArrayLength(env, size) >= 2) {
        jint wh[2];
        (*env)->GetIntArrayRegion(env, size, 0, 2, wh);
        if (wh[0] > 0 && wh[1] > 0) {
            atomic_store(&inst->gui_width, (uint32_t)wh[0]);
            atomic_store(&inst->gui_height, (uint32_t)wh[1]);
        }
    }
    if (size) (*env)->DeleteLocalRef(env, size);
}

/* [bridge-thread] one command; Java is up when ready */
static void mc_run_command(mc_cmd *c, bool ready) {
    if (c->type == CMD_SHUTDOWN) {
        if (ready) {
            (*g_env)->CallStaticBooleanMethod(g_env, g_bridge, g_m_shutdown, (jlong)c->arg);
            mc_java_failed(g_env, "shutdown");
        }
        pthread_mutex_lock(&g_lock);
        g_shutdown_done = true;
        pthread_cond_broadcast(&g_cond);
        pthread_mutex_unlock(&g_lock);
        return;
    }
    mc_instance *inst = c->inst;
    JNIEnv *env = g_env;
    jobject j = (jobject)inst->jinstance;
    if (c->type == CMD_DESTROY) {
        if (j) {
            for (mc_instance **p = &g_live; *p; p = &(*p)->next_live) {
                if (*p == inst) {
                    *p = inst->next_live;
                    break;
                }
            }
            (*env)->CallStaticVoidMethod(env, g_bridge, g_m_destroy, j);
            mc_java_failed(env, "destroy");
            (*env)->DeleteGlobalRef(env, j);
        }
        mc_instance_free(inst);
        return;
    }
    if (c->type == CMD_CREATE) {
        if (!ready) {
            atomic_store(&inst->java_state, MC_JAVA_FAILED);
            mc_instance_logf(inst, MC_LOG_ERROR, "Java could not start: %s. The plugin stays silent.",
                             g_java_error);
            return;
        }
        double t0 = mc_now_ms();
        jobject ring = (*env)->NewDirectByteBuffer(env, inst->ring.mem, (jlong)inst->ring.mem_size);
        jstring bundle = (*env)->NewStringUTF(env, inst->bundle_dir);
        jobject local = ring && bundle ? (*env)->CallStaticObjectMethod(env, g_bridge, g_m_create,
                                                                        (jlong)(intptr_t)inst, ring, bundle)
                                       : NULL;
        if (mc_java_failed(env, "create") || local == NULL) {
            atomic_store(&inst->java_state, MC_JAVA_FAILED);
            mc_instance_logf(inst, MC_LOG_ERROR, "the Java side could not create the instance; it stays silent");
        } else {
            inst->jinstance = (*env)->NewGlobalRef(env, local);
            inst->next_live = g_live;
            g_live = inst;
            atomic_store(&inst->java_state, MC_JAVA_READY);
            fprintf(stderr, "MIDI Software Center: instance ready %.1f ms after its Java side was asked for\n",
                    mc_now_ms() - t0);
        }
        if (local) (*env)->DeleteLocalRef(env, local);
        if (ring) (*env)->DeleteLocalRef(env, ring);
        if (bundle) (*env)->DeleteLocalRef(env, bundle);
        return;
    }
    if (j == NULL) {
        return; /* Java is not there: the state copy is kept in C, GUI requests have nowhere to go */
    }
    switch (c->type) {
    case CMD_LOAD_STATE: {
        jbyteArray bytes = (*env)->NewByteArray(env, (jsize)c->len);
        if (bytes) {
            (*env)->SetByteArrayRegion(env, bytes, 0, (jsize)c->len, (const jbyte *)c->data);
            (*env)->CallStaticVoidMethod(env, g_bridge, g_m_load_state, j, bytes);
            mc_java_failed(env, "loadState");
            (*env)->DeleteLocalRef(env, bytes);
        }
        break;
    }
    case CMD_GUI_OPEN: {
        jboolean ok = (*env)->CallStaticBooleanMethod(env, g_bridge, g_m_gui_open, j, (jlong)c->arg);
        if (mc_java_failed(env, "guiOpen") || !ok) {
            mc_instance_logf(inst, MC_LOG_WARNING, "the browser window could not open");
        }
        mc_update_gui_size(env, inst);
        break;
    }
    case CMD_GUI_VISIBLE:
        (*env)->CallStaticVoidMethod(env, g_bridge, g_m_gui_visible, j, (jboolean)(c->arg != 0));
        mc_java_failed(env, "guiVisible");
        break;
    case CMD_GUI_SIZE:
        (*env)->CallStaticBooleanMethod(env, g_bridge, g_m_gui_set_size, j, (jint)c->width, (jint)c->height);
        mc_java_failed(env, "guiSetSize");
        break;
    case CMD_GUI_CLOSE:
        (*env)->CallStaticVoidMethod(env, g_bridge, g_m_gui_close, j);
        mc_java_failed(env, "guiClose");
        break;
    default:
        break;
    }
}

static void mc_poll_transports(void) {
    for (mc_instance *inst = g_live; inst; inst = inst->next_live) {
        uint64_t word = atomic_load_explicit(&inst->transport_word, memory_order_relaxed);
        if (word != inst->transport_sent) {
            inst->transport_sent = word;
            (*g_env)->CallStaticVoidMethod(g_env, g_bridge, g_m_transport, (jobject)inst->jinstance,
                                           (jboolean)(word >> 63), (double)(word & ~(1ull << 63)) / 1000.0);
            mc_java_failed(g_env, "transport");
        }
    }
}

static void *mc_bridge_main(void *arg) {
    (void)arg;
    char err[sizeof g_java_error];
    bool ready = mc_java_boot(err, sizeof err);
    if (!ready) {
        snprintf(g_java_error, sizeof g_java_error, "%s", err);
        atomic_store(&g_java_state, MC_JAVA_FAILED);
        fprintf(stderr, "MIDI Software Center: Java could not start: %s. The plugin stays silent.\n", err);
    } else {
        atomic_store(&g_java_state, MC_JAVA_READY);
    }
    for (;;) {
        pthread_mutex_lock(&g_lock);
        while (g_head == NULL) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += MC_TRANSPORT_POLL_MS * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&g_cond, &g_lock, &until) == ETIMEDOUT && ready && g_live) {
                pthread_mutex_unlock(&g_lock);
                mc_poll_transports();
                pthread_mutex_lock(&g_lock);
            }
        }
        mc_cmd *c = g_head;
        g_head = c->next;
        if (g_head == NULL) g_tail = NULL;
        pthread_mutex_unlock(&g_lock);
        mc_run_command(c, ready);
        free(c->data);
        free(c);
    }
    return NULL; /* never: the thread and the JVM live as long as the process */
}

static bool mc_java_disabled(void) {
    const char *v = getenv("MIDICENTER_PLUGIN_NO_JAVA");
    return v && *v && strcmp(v, "0") != 0;
}

/* [main-thread] queues a command, starting the bridge thread on first use; false when Java is disabled */
static bool mc_enqueue(mc_instance *inst, int type, uint64_t arg, uint32_t w, uint32_t h, const uint8_t *data,
                       size_t len) {
    if (mc_java_disabled()) {
        return false;
    }
    mc_cmd *c = calloc(1, sizeof *c);
    if (c == NULL) {
        return false;
    }
    *c = (mc_cmd){.type = type, .inst = inst, .arg = arg, .width = w, .height = h};
    if (len > 0) {
        c->data = malloc(len);
        if (c->data == NULL) {
            free(c);
            return false;
        }
        memcpy(c->data, data, len);
        c->len = len;
    }
    pthread_mutex_lock(&g_lock);
    if (!g_thread_started) {
        snprintf(g_start_bundle, sizeof g_start_bundle, "%s", inst->bundle_dir);
        snprintf(g_start_jars, sizeof g_start_jars, "%s", inst->jar_dir);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, MC_BRIDGE_STACK_BYTES);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_t thread;
        if (pthread_create(&thread, &attr, mc_bridge_main, NULL) != 0) {
            pthread_attr_destroy(&attr);
            pthread_mutex_unlock(&g_lock);
            free(c->data);
            free(c);
            return false;
        }
        pthread_attr_destroy(&attr);
        pthread_setname_np(thread, "midicenter-jvm");
        g_thread_started = true;
    }
    if (g_tail) g_tail->next = c; else g_head = c;
    g_tail = c;
    pthread_cond_signal(&g_cond);
    pthread_mutex_unlock(&g_lock);
    return true;
}

/* ---- instances ---- */

mc_instance *mc_instance_create(const char *bundle_dir, const char *jar_dir, double sample_rate, mc_log_fn log,
                                mc_state_fn state_changed, void *cb_ctx) {
    mc_instance *inst = calloc(1, sizeof *inst);
    if (inst == NULL) {
        return NULL;
    }
    if (!mc_ring_init(&inst->ring, MC_RING_DEFAULT_CAPACITY) || !mc_sched_init(&inst->sched, sample_rate)) {
        mc_ring_free(&inst->ring);
        mc_sched_free(&inst->sched);
        free(inst);
        return NULL;
    }
    pthread_mutex_init(&inst->state_lock, NULL);
    for (int i = 0; i < MC_PARAM_COUNT; i++) {
        atomic_init(&inst->params[i], MC_PARAM_DEFAULT[i]);
    }
    inst->log = log;
    inst->state_changed = state_changed;
    inst->cb_ctx = cb_ctx;
    snprintf(inst->bundle_dir, sizeof inst->bundle_dir, "%s", bundle_dir);
    snprintf(inst->jar_dir, sizeof inst->jar_dir, "%s", jar_dir);
    atomic_init(&inst->gui_width, 1100);
    atomic_init(&inst->gui_height, 700);
    atomic_init(&inst->java_state, MC_JAVA_STARTING);
    if (!mc_enqueue(inst, CMD_CREATE, 0, 0, 0, NULL, 0)) {
        atomic_store(&inst->java_state, MC_JAVA_FAILED);
        if (!mc_java_disabled()) {
            mc_instance_logf(inst, MC_LOG_ERROR, "cannot start the bridge thread; the plugin stays silent");
        }
    }
    return inst;
}

/* [main thread / process exit] once: the instances' destroys (queued before) run, then the Java side closes the
 * shared library (the embedded database server stops); waits at most timeout_ms. Nothing when Java never started. */
void mc_core_shutdown(unsigned timeout_ms) {
    pthread_mutex_lock(&g_lock);
    bool started = g_thread_started && !g_shutdown_asked;
    g_shutdown_asked = true;
    pthread_mutex_unlock(&g_lock);
    if (!started || atomic_load(&g_java_state) == MC_JAVA_FAILED) {
        return;
    }
    mc_cmd *c = calloc(1, sizeof *c);
    if (c == NULL) {
        return;
    }
    *c = (mc_cmd){.type = CMD_SHUTDOWN, .arg = timeout_ms > 500 ? timeout_ms - 500 : timeout_ms};
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&g_lock);
    if (g_tail) g_tail->next = c; else g_head = c;
    g_tail = c;
    pthread_cond_broadcast(&g_cond); /* the bridge thread may not be the only one waiting on it */
    while (!g_shutdown_done) {
        if (pthread_cond_timedwait(&g_cond, &g_lock, &until) == ETIMEDOUT) {
            fprintf(stderr, "MIDI Software Center: the library did not close within %u ms\n", timeout_ms);
            break;
        }
    }
    pthread_mutex_unlock(&g_lock);
}

/* the plugin library goes (dlclose; with -z nodelete: process exit): the same, for hosts that exit without it */
__attribute__((destructor)) static void mc_core_unload(void) {
    mc_core_shutdown(MC_SHUTDOWN_TIMEOUT_MS);
}

void mc_instance_destroy(mc_instance *inst) {
    if (inst == NULL) {
        return;
    }
    pthread_mutex_lock(&inst->state_lock); /* from now on no callback reaches the wrapper */
    inst->log = NULL;
    inst->state_changed = NULL;
    pthread_mutex_unlock(&inst->state_lock);
    if (!mc_enqueue(inst, CMD_DESTROY, 0, 0, 0, NULL, 0)) {
        mc_instance_free(inst); /* no bridge thread: nothing else holds it */
    }
}

uint8_t *mc_instance_state_copy(mc_instance *inst, size_t *len) {
    pthread_mutex_lock(&inst->state_lock);
    uint8_t *copy = NULL;
    *len = 0;
    if (inst->state_len > 0 && (copy = malloc(inst->state_len)) != NULL) {
        memcpy(copy, inst->state, inst->state_len);
        *len = inst->state_len;
    }
    pthread_mutex_unlock(&inst->state_lock);
    return copy;
}

void mc_instance_load_state(mc_instance *inst, const uint8_t *data, size_t len) {
    uint8_t *copy = len ? malloc(len) : NULL;
    if (len && copy == NULL) {
        return;
    }
    if (len) memcpy(copy, data, len);
    pthread_mutex_lock(&inst->state_lock);
    free(inst->state);
    inst->state = copy;
    inst->state_len = len;
    pthread_mutex_unlock(&inst->state_lock);
    mc_enqueue(inst, CMD_LOAD_STATE, 0, 0, 0, data, len);
}

void mc_instance_gui_open(mc_instance *inst, unsigned long parent) {
    mc_enqueue(inst, CMD_GUI_OPEN, parent, 0, 0, NULL, 0);
}

void mc_instance_gui_visible(mc_instance *inst, bool visible) {
    mc_enqueue(inst, CMD_GUI_VISIBLE, visible, 0, 0, NULL, 0);
}

void mc_instance_gui_set_size(mc_instance *inst, uint32_t width, uint32_t height) {
    atomic_store(&inst->gui_width, width);
    atomic_store(&inst->gui_height, height);
    mc_enqueue(inst, CMD_GUI_SIZE, 0, width, height, NULL, 0);
}

void mc_instance_gui_close(mc_instance *inst) {
    mc_enqueue(inst, CMD_GUI_CLOSE, 0, 0, 0, NULL, 0);
}

void mc_instance_audio_begin(mc_instance *inst) {
    mc_sched_drain(&inst->sched, &inst->ring, MC_DRAIN_PER_BLOCK);
    inst->sched.transpose_semitones =
        (int)lround(atomic_load_explicit(&inst->params[MC_PARAM_TRANSPOSE], memory_order_relaxed));
    inst->sched.velocity_percent = atomic_load_explicit(&inst->params[MC_PARAM_VELOCITY], memory_order_relaxed);
}

void mc_instance_audio_transport(mc_instance *inst, bool playing, double bpm) {
    uint64_t milli = bpm > 0 && bpm < 100000 ? (uint64_t)llround(bpm * 1000) : 0;
    atomic_store_explicit(&inst->transport_word, ((uint64_t)playing << 63) | milli, memory_order_relaxed);
}
