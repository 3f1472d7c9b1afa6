/* mc_ring.c: allocation and the C producer of the SPSC ring (layout and ordering in mc_ring.h). */
#include "mc_ring.h"

#include <stdlib.h>
#include <string.h>

bool mc_ring_init(mc_ring *ring, uint32_t capacity) {
    memset(ring, 0, sizeof *ring);
    if (capacity == 0 || (capacity & (capacity - 1)) != 0) {
        return false;
    }
    size_t size = MC_RING_OFF_RECORDS + (size_t)capacity * MC_RING_RECORD_SIZE;
    void *mem = NULL;
    if (posix_memalign(&mem, 64, size) != 0) {
        return false;
    }
    memset(mem, 0, size);
    ring->mem = mem;
    ring->mem_size = size;
    ring->capacity = capacity;
    int32_t cap = (int32_t)capacity, rec = MC_RING_RECORD_SIZE;
    memcpy(ring->mem + MC_RING_OFF_CAPACITY, &cap, sizeof cap);
    memcpy(ring->mem + MC_RING_OFF_RECSIZE, &rec, sizeof rec);
    atomic_init(mc_ring_write_idx(ring), 0);
    atomic_init(mc_ring_read_idx(ring), 0);
    return true;
}

void mc_ring_free(mc_ring *ring) {
    free(ring->mem);
    memset(ring, 0, sizeof *ring);
}

static uint32_t mc_ring_free_records(const mc_ring *ring, uint32_t w) {
    uint32_t r = atomic_load_explicit(mc_ring_read_idx(ring), memory_order_acquire);
    return ring->capacity - (w - r);
}

bool mc_ring_push_pattern(mc_ring *ring, double length_beats, double bpm, uint32_t count, const double *beats,
                          const uint8_t *status, const uint8_t *data1, const uint8_t *data2) {
    uint32_t w = atomic_load_explicit(mc_ring_write_idx(ring), memory_order_relaxed);
    if ((uint64_t)count + 2 > mc_ring_free_records(ring, w)) {
        return false;
    }
    mc_record *rec = mc_ring_slot(ring, w++);
    *rec = (mc_record){.type = MC_REC_BEGIN, .count = (int32_t)count, .value = length_beats};
    for (uint32_t i = 0; i < count; i++) {
        rec = mc_ring_slot(ring, w++);
        *rec = (mc_record){.type = MC_REC_EVENT, .status = status[i], .data1 = data1[i], .data2 = data2[i],
                           .value = beats[i]};
    }
    rec = mc_ring_slot(ring, w++);
    *rec = (mc_record){.type = MC_REC_END, .count = (int32_t)count, .value = bpm};
    atomic_store_explicit(mc_ring_write_idx(ring), w, memory_order_release);
    return true;
}

bool mc_ring_push_simple(mc_ring *ring, uint8_t type) {
    uint32_t w = atomic_load_explicit(mc_ring_write_idx(ring), memory_order_relaxed);
    if (mc_ring_free_records(ring, w) < 1) {
        return false;
    }
    *mc_ring_slot(ring, w) = (mc_record){.type = type};
    atomic_store_explicit(mc_ring_write_idx(ring), w + 1, memory_order_release);
    return true;
}
