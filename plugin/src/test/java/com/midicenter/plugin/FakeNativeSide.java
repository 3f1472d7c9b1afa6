package com.midicenter.plugin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A native side that records every call, for tests without native code. Thread-safe. */
final class FakeNativeSide implements NativeSide {

    private final List<String> calls = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<byte[]> states = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();

    @Override
    public synchronized void publish(Pattern pattern) {
        calls.add("publish");
        patterns.add(pattern);
    }

    @Override
    public synchronized void clear() {
        calls.add("clear");
    }

    @Override
    public synchronized void audition(boolean on) {
        calls.add("audition " + on);
    }

    @Override
    public synchronized void stateChanged(byte[] state) {
        calls.add("state");
        states.add(state.clone());
    }

    @Override
    public synchronized void log(String message) {
        calls.add("log");
        logs.add(message);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Pattern> patterns() {
        return List.copyOf(patterns);
    }

    synchronized Pattern lastPattern() {
        return patterns.isEmpty() ? null : patterns.get(patterns.size() - 1);
    }

    synchronized String lastState() {
        return states.isEmpty() ? null : new String(states.get(states.size() - 1), StandardCharsets.UTF_8);
    }

    synchronized byte[] lastStateBytes() {
        return states.isEmpty() ? null : states.get(states.size() - 1).clone();
    }

    synchronized int stateCount() {
        return states.size();
    }

    synchronized List<String> logs() {
        return List.copyOf(logs);
    }
}
