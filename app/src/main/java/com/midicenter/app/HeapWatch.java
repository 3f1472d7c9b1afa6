package com.midicenter.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures heap use during a benchmark: the peak of all heap pools (garbage included) and the largest heap
 * still in use right after a collection (the live set).
 */
final class HeapWatch implements AutoCloseable {

    private volatile long maxAfterGcBytes;
    private final Set<String> heapPools = heapPoolNames();
    private final NotificationListener listener = (notification, handback) -> {
        long used = heapUsedAfterGc(notification, heapPools);
        if (used >= 0) {
            maxAfterGcBytes = Math.max(maxAfterGcBytes, used);
        }
    };

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        addGcListener(listener);
    }

    /** The names of the heap memory pools. */
    static Set<String> heapPoolNames() {
        Set<String> names = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                names.add(pool.getName());
            }
        }
        return names;
    }

    /**
     * The bytes in use in {@code heapPools} right after the collection a GC notification reports, or -1 when
     * {@code notification} is not a garbage-collection notification.
     */
    static long heapUsedAfterGc(Notification notification, Set<String> heapPools) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return -1;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    /** Registers {@code listener} with every garbage collector that emits notifications. */
    static void addGcListener(NotificationListener listener) {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    /** Undoes {@link #addGcListener}. */
    static void removeGcListener(NotificationListener listener) {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not registered on this collector
                }
            }
        }
    }

    /** Sum of the heap pools' peak usage since this watch started, garbage included. */
    long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Largest heap in use right after a garbage collection: what the program really kept. */
    long maxLiveHeapBytes() {
        return maxAfterGcBytes;
    }

    /** Heap in use after a full collection (System.gc, then the used heap): for "what does X hold". */
    static long liveBytes() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        removeGcListener(listener);
    }
}
