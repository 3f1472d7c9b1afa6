/*
 * mc_jvm.h: finding, loading and starting (or joining) the process's one JVM. The plugin links nothing of the JDK:
 * libjvm.so is dlopen'ed from the runtime in the plugin bundle, else (a development bundle, without runtime/) from
 * $JAVA_HOME, else from the `java` on PATH. The class path is the bundle's jars only; the host's JAVA_TOOL_OPTIONS,
 * _JAVA_OPTIONS, JDK_JAVA_OPTIONS and CLASSPATH never reach the JVM.
 */
#ifndef MC_JVM_H
#define MC_JVM_H

#include <jni.h>
#include <stdbool.h>
#include <stddef.h>

/* [bridge-thread] Creates the JVM (or attaches to the process's existing one) with the plugin's jars on its class
 * path and attaches the calling thread. On failure returns NULL and writes a one-line reason into err. */
JavaVM *mc_jvm_start(const char *bundle_dir, const char *jar_dir, JNIEnv **env, bool *created, char *err,
                     size_t err_size);

/* [bridge-thread] The class `name` (binary name with dots) from the plugin's jars: the system class loader when this
 * plugin created the JVM, else a URLClassLoader over jar_dir (the JVM belonged to someone else). */
jclass mc_jvm_find_class(JNIEnv *env, bool created, const char *jar_dir, const char *name);

#endif
