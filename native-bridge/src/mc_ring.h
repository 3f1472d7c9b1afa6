/*
 * mc_ring.h: the single-producer/single-consumer ring between a plugin instance's Java side (producer: RingWriter)
 * and its audio thread (consumer: mc_sched_drain). It lives in native memory and Java sees it as a direct ByteBuffer,
 * so this layout is a contract with com.midicenter.plugin.RingWriter; change both together (and Bridge.API_VERSION).
 *
 * Layout (native byte order; offsets in bytes):
 *   0   int32 write index  (producer: store-release; consumer: load-acquire)
 *   64  int32 read index   (consumer: store-release; producer: load-acquire)
 *   128 int32 capacity in records (a power of two), written once before Java sees the buffer
 *   132 int32 record size (16), the same
 *   192 records[capacity], 16 bytes each
 * Indices count records since the start and wrap at 2^32; slot = index & (capacity - 1); used = write - read.
 *
 * Record (16 bytes):
 *   0  uint8  type (MC_REC_*)
 *   1  uint8  status      (EVENT)
 *   2  uint8  data1       (EVENT)
 *   3  uint8  data2       (EVENT)
 *   4  int32  count       (BEGIN: events that follow; END: events sent)
 *   8  double value       (BEGIN: loop length in beats; EVENT: beat; END: the pattern's own bpm)
 * A pattern is BEGIN, count x EVENT, END; it replaces the playing one when its END is read.
 */
#ifndef MC_RING_H
#define MC_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    MC_REC_BEGIN = 1,
    MC_REC_EVENT = 2,
    MC_REC_END = 3,
    MC_REC_CLEAR = 4,
    MC_REC_AUDITION_ON = 5,
    MC_REC_AUDITION_OFF = 6,
};

#define MC_RING_OFF_WRITE 0
#define MC_RING_OFF_READ 64
#define MC_RING_OFF_CAPACITY 128
#define MC_RING_OFF_RECSIZE 132
#define MC_RING_OFF_RECORDS 192
#define MC_RING_RECORD_SIZE 16

/* 2^17 records (2 MiB): room for one largest pattern (65,536 events) and then some */
#define MC_RING_DEFAULT_CAPACITY (1u << 17)

typedef struct mc_record {
    uint8_t type;
    uint8_t status;
    uint8_t data1;
    uint8_t data2;
    int32_t count;
    double value;
} mc_record;

_Static_assert(sizeof(mc_record) == MC_RING_RECORD_SIZE, "ring record is 16 bytes");

typedef struct mc_ring {
    uint8_t *mem;      /* MC_RING_OFF_RECORDS + capacity * 16 bytes, 64-byte aligned */
    size_t mem_size;
    uint32_t capacity; /* power of two */
} mc_ring;

/* [main-thread] allocates and zeroes the ring; false when out of memory or capacity is not a power of two */
bool mc_ring_init(mc_ring *ring, uint32_t capacity);
void mc_ring_free(mc_ring *ring);

static inline _Atomic uint32_t *mc_ring_write_idx(const mc_ring *ring) {
    return (_Atomic uint32_t *)(void *)(ring->mem + MC_RING_OFF_WRITE);
}
static inline _Atomic uint32_t *mc_ring_read_idx(const mc_ring *ring) {
    return (_Atomic uint32_t *)(void *)(ring->mem + MC_RING_OFF_READ);
}
static inline mc_record *mc_ring_slot(const mc_ring *ring, uint32_t index) {
    return (mc_record *)(void *)(ring->mem + MC_RING_OFF_RECORDS) + (index & (ring->capacity - 1));
}

/* Producer side in C (the test-only extension and the unit tests; Java's RingWriter does the same).
 * [one producer thread] false when the ring lacks room for all records (nothing is written then). */
bool mc_ring_push_pattern(mc_ring *ring, double length_beats, double bpm, uint32_t count, const double *beats,
                          const uint8_t *status, const uint8_t *data1, const uint8_t *data2);
bool mc_ring_push_simple(mc_ring *ring, uint8_t type);

#endif
