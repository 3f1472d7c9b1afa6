/* mc_jvm.c: locate libjvm.so, start or join the JVM, load the plugin's classes (contract in mc_jvm.h). */
#include "mc_jvm.h"

#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef jint (*mc_create_vm_fn)(JavaVM **, void **, void *);
typedef jint (*mc_created_vms_fn)(JavaVM **, jsize, jsize *);

#define MC_MAX_JVM_OPTIONS 32

static bool mc_file_exists(const char *path) {
    return access(path, R_OK) == 0;
}

/* the `java` on PATH, resolved through its links, as <home>/lib/server/libjvm.so */
static bool mc_libjvm_from_path(char *out, size_t size) {
    const char *path = getenv("PATH");
    if (path == NULL) {
        return false;
    }
    char dir[PATH_MAX];
    while (*path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < sizeof dir - 6) {
            char candidate[PATH_MAX + 8], real[PATH_MAX];
            memcpy(dir, path, n);
            dir[n] = '\0';
            snprintf(candidate, sizeof candidate, "%s/java", dir);
            if (access(candidate, X_OK) == 0 && realpath(candidate, real) != NULL) {
                char *slash = strrchr(real, '/'); /* .../bin/java -> .../bin */
                if (slash) *slash = '\0';
                slash = strrchr(real, '/'); /* -> home */
                if (slash) *slash = '\0';
                snprintf(out, size, "%s/lib/server/libjvm.so", real);
                if (mc_file_exists(out)) {
                    return true;
                }
            }
        }
        path += n;
        if (*path == ':') path++;
    }
    return false;
}

/* A release bundle carries its own runtime (<bundle>/runtime, a jlink image or a link to the app's); then nothing
 * from the environment chooses the runtime, the class path or JVM options. A development bundle (as `make` leaves it
 * in target/) has none and takes $JAVA_HOME / the java on PATH, MIDICENTER_PLUGIN_CLASSPATH and all of
 * MIDICENTER_PLUGIN_JAVA_OPTS. */
static bool mc_bundled_runtime(const char *bundle_dir) {
    char libjvm[PATH_MAX + 40];
    snprintf(libjvm, sizeof libjvm, "%s/runtime/lib/server/libjvm.so", bundle_dir);
    return mc_file_exists(libjvm);
}

static bool mc_find_libjvm(const char *bundle_dir, char *out, size_t size, char *tried, size_t tried_size) {
    snprintf(out, size, "%s/runtime/lib/server/libjvm.so", bundle_dir);
    snprintf(tried, tried_size, "%s", out);
    if (mc_file_exists(out)) {
        return true; /* the bundled runtime: $JAVA_HOME and PATH are never looked at */
    }
    const char *home = getenv("JAVA_HOME");
    if (home && *home) {
        snprintf(out, size, "%s/lib/server/libjvm.so", home);
        size_t used = strlen(tried);
        snprintf(tried + used, tried_size - used, ", %s", out);
        if (mc_file_exists(out)) {
            return true;
        }
    }
    size_t used = strlen(tried);
    snprintf(tried + used, tried_size - used, ", the java on PATH");
    return mc_libjvm_from_path(out, size);
}

static int mc_jar_filter(const struct dirent *d) {
    size_t n = strlen(d->d_name);
    return n > 4 && strcmp(d->d_name + n - 4, ".jar") == 0;
}

/* "a.jar:b.jar:..." of jar_dir (sorted), or $MIDICENTER_PLUGIN_CLASSPATH in a development bundle; malloc'd, NULL
 * when there is none */
static char *mc_class_path(const char *jar_dir, bool development) {
    const char *dev = development ? getenv("MIDICENTER_PLUGIN_CLASSPATH") : NULL;
    if (dev && *dev) {
        return strdup(dev);
    }
    struct dirent **list = NULL;
    int n = scandir(jar_dir, &list, mc_jar_filter, alphasort);
    if (n <= 0) {
        free(list);
        return NULL;
    }
    size_t size = 1;
    for (int i = 0; i < n; i++) {
        size += strlen(jar_dir) + strlen(list[i]->d_name) + 2;
    }
    char *cp = malloc(size);
    if (cp) {
        cp[0] = '\0';
        for (int i = 0; i < n; i++) {
            strcat(cp, i ? ":" : "");
            strcat(cp, jar_dir);
            strcat(cp, "/");
            strcat(cp, list[i]->d_name);
        }
    }
    for (int i = 0; i < n; i++) {
        free(list[i]);
    }
    free(list);
    return cp;
}

/* In a release bundle MIDICENTER_PLUGIN_JAVA_OPTS may size the heap and stack and name the data folder, nothing
 * else (no -javaagent, -agentpath, -Xbootclasspath, -Djava.class.path, ...): they would load code from outside. */
static bool mc_release_option_allowed(const char *opt) {
    static const char *const allowed[] = {"-Xmx", "-Xms", "-Xss", "-Dmidicenter.home="};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        if (strncmp(opt, allowed[i], strlen(allowed[i])) == 0) {
            return true;
        }
    }
    return false;
}

/* Variables the JVM (or a launcher) reads options or classes from: the host's environment is not the plugin's. */
static const char *const MC_JVM_ENV[] = {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH"};
#define MC_JVM_ENV_COUNT (sizeof MC_JVM_ENV / sizeof MC_JVM_ENV[0])

/* Takes the variables out of the environment for JNI_CreateJavaVM (which honours JAVA_TOOL_OPTIONS and
 * _JAVA_OPTIONS); saved[i] is the old value (malloc'd) or NULL. */
static void mc_hide_jvm_env(char *saved[MC_JVM_ENV_COUNT]) {
    for (size_t i = 0; i < MC_JVM_ENV_COUNT; i++) {
        const char *value = getenv(MC_JVM_ENV[i]);
        saved[i] = value ? strdup(value) : NULL;
        if (value) {
            unsetenv(MC_JVM_ENV[i]);
        }
    }
}

/* Puts the host's values back once the JVM exists (it read them only while starting). */
static void mc_restore_jvm_env(char *saved[MC_JVM_ENV_COUNT]) {
    for (size_t i = 0; i < MC_JVM_ENV_COUNT; i++) {
        if (saved[i]) {
            setenv(MC_JVM_ENV[i], saved[i], 1);
            free(saved[i]);
            saved[i] = NULL;
        }
    }
}

JavaVM *mc_jvm_start(const char *bundle_dir, const char *jar_dir, JNIEnv **env, bool *created, char *err,
                     size_t err_size) {
    char libjvm[PATH_MAX], tried[3 * PATH_MAX];
    *created = false;
    if (!mc_find_libjvm(bundle_dir, libjvm, sizeof libjvm, tried, sizeof tried)) {
        snprintf(err, err_size, "no Java runtime found (looked for libjvm.so in %s); set JAVA_HOME", tried);
        return NULL;
    }
    void *lib = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
    if (lib == NULL) {
        snprintf(err, err_size, "cannot load %s: %s", libjvm, dlerror());
        return NULL;
    }
    mc_created_vms_fn created_vms = (mc_created_vms_fn)dlsym(lib, "JNI_GetCreatedJavaVMs");
    mc_create_vm_fn create_vm = (mc_create_vm_fn)dlsym(lib, "JNI_CreateJavaVM");
    if (created_vms == NULL || create_vm == NULL) {
        snprintf(err, err_size, "%s has no JNI invocation API", libjvm);
        return NULL;
    }

    JavaVM *vm = NULL;
    jsize count = 0;
    if (created_vms(&vm, 1, &count) == JNI_OK && count > 0) {
        /* one JVM per process: join it (another plugin or the host made it) */
        JavaVMAttachArgs args = {JNI_VERSION_10, "midicenter-bridge", NULL};
        if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **)env, &args) != JNI_OK) {
            snprintf(err, err_size, "cannot attach to the process's JVM");
            return NULL;
        }
        return vm;
    }

    bool development = !mc_bundled_runtime(bundle_dir);
    char *cp = mc_class_path(jar_dir, development);
    if (cp == NULL) {
        snprintf(err, err_size, "no plugin jars in %s (and MIDICENTER_PLUGIN_CLASSPATH is not set)", jar_dir);
        return NULL;
    }
    char *cp_opt = malloc(strlen(cp) + 32);
    char bundle_opt[PATH_MAX + 64];
    sprintf(cp_opt, "-Djava.class.path=%s", cp);
    snprintf(bundle_opt, sizeof bundle_opt, "-Dmidicenter.plugin.bundle=%s", bundle_dir);
    JavaVMOption opts[MC_MAX_JVM_OPTIONS];
    int n = 0;
    opts[n++].optionString = cp_opt;
    opts[n++].optionString = "-Xrs"; /* the host owns the signals */
    opts[n++].optionString = "--add-exports=java.desktop/sun.awt.X11=ALL-UNNAMED";
    opts[n++].optionString = "-Djava.awt.headless=false";
    opts[n++].optionString = bundle_opt;
    /* MIDICENTER_PLUGIN_JAVA_OPTS: extra options separated by spaces (e.g. -Xmx512m); a release bundle takes only
     * the harmless ones */
    char *extra = getenv("MIDICENTER_PLUGIN_JAVA_OPTS") ? strdup(getenv("MIDICENTER_PLUGIN_JAVA_OPTS")) : NULL;
    for (char *save = NULL, *tok = extra ? strtok_r(extra, " ", &save) : NULL; tok && n < MC_MAX_JVM_OPTIONS;
         tok = strtok_r(NULL, " ", &save)) {
        if (development || mc_release_option_allowed(tok)) {
            opts[n++].optionString = tok;
        }
    }
    for (int i = 0; i < n; i++) {
        opts[i].extraInfo = NULL;
    }
    JavaVMInitArgs args = {.version = JNI_VERSION_10, .nOptions = n, .options = opts, .ignoreUnrecognized = JNI_FALSE};
    char *hidden[MC_JVM_ENV_COUNT];
    mc_hide_jvm_env(hidden);
    jint rc = create_vm(&vm, (void **)env, &args);
    mc_restore_jvm_env(hidden);
    free(extra);
    free(cp_opt);
    free(cp);
    if (rc != JNI_OK) {
        snprintf(err, err_size, "JNI_CreateJavaVM failed (%d) with %s", (int)rc, libjvm);
        return NULL;
    }
    *created = true;
    return vm;
}

/* Class.forName(name, true, new URLClassLoader(jars of jar_dir)) for a JVM this plugin did not start */
static jclass mc_class_from_jars(JNIEnv *env, const char *jar_dir, const char *name) {
    jclass result = NULL;
    struct dirent **list = NULL;
    int n = scandir(jar_dir, &list, mc_jar_filter, alphasort);
    jclass url_cls = (*env)->FindClass(env, "java/net/URL");
    jclass file_cls = (*env)->FindClass(env, "java/io/File");
    jclass loader_cls = (*env)->FindClass(env, "java/net/URLClassLoader");
    jclass class_cls = (*env)->FindClass(env, "java/lang/Class");
    if (n <= 0 || !url_cls || !file_cls || !loader_cls || !class_cls) {
        goto cleanup;
    }
    jmethodID file_init = (*env)->GetMethodID(env, file_cls, "<init>", "(Ljava/lang/String;)V");
    jmethodID to_uri = (*env)->GetMethodID(env, file_cls, "toURI", "()Ljava/net/URI;");
    jclass uri_cls = (*env)->FindClass(env, "java/net/URI");
    jmethodID to_url = (*env)->GetMethodID(env, uri_cls, "toURL", "()Ljava/net/URL;");
    jobjectArray urls = (*env)->NewObjectArray(env, n, url_cls, NULL);
    for (int i = 0; i < n && urls; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", jar_dir, list[i]->d_name);
        jobject file = (*env)->NewObject(env, file_cls, file_init, (*env)->NewStringUTF(env, path));
        jobject uri = file ? (*env)->CallObjectMethod(env, file, to_uri) : NULL;
        jobject url = uri ? (*env)->CallObjectMethod(env, uri, to_url) : NULL;
        if ((*env)->ExceptionCheck(env)) {
            goto cleanup;
        }
        (*env)->SetObjectArrayElement(env, urls, i, url);
    }
    jmethodID loader_init = (*env)->GetMethodID(env, loader_cls, "<init>", "([Ljava/net/URL;)V");
    jobject loader = (*env)->NewObject(env, loader_cls, loader_init, urls);
    jmethodID for_name = (*env)->GetStaticMethodID(env, class_cls, "forName",
                                                   "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
    if (loader && for_name) {
        result = (jclass)(*env)->CallStaticObjectMethod(env, class_cls, for_name, (*env)->NewStringUTF(env, name),
                                                        JNI_TRUE, loader);
    }
cleanup:
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionDescribe(env);
        (*env)->ExceptionClear(env);
        result = NULL;
    }
    for (int i = 0; i < n; i++) {
        free(list[i]);
    }
    free(list);
    return result;
}

jclass mc_jvm_find_class(JNIEnv *env, bool created, const char *jar_dir, const char *name) {
    char slashed[256];
    snprintf(slashed, sizeof slashed, "%s", name);
    for (char *p = slashed; *p; p++) {
        if (*p == '.') *p = '/';
    }
    jclass cls = (*env)->FindClass(env, slashed);
    if (cls == NULL && (*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
    }
    if (cls == NULL && !created) {
        cls = mc_class_from_jars(env, jar_dir, name);
    }
    return cls;
}
