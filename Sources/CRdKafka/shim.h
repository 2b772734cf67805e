// The one C entry point of PesaGate: librdkafka (Debian's librdkafka-dev 2.0.x) and its mock cluster.
// Swift cannot call variadic C functions (rd_kafka_producev) nor fill rd_kafka_vu_t's unions
// comfortably, so the small helpers below do it. Each is prefixed `pesagate_` so it is obvious
// in Swift code that it is ours, not librdkafka's.
#ifndef PESAGATE_CRDKAFKA_SHIM_H
#define PESAGATE_CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
// The mock header relies on declarations of rdkafka.h: it must come second.
#include <librdkafka/rdkafka_mock.h>

/// Enqueues one message with optional key, headers and per-message opaque, through a topic handle the
/// caller keeps (rd_kafka_topic_new), so librdkafka does not look the topic up by name for every message.
/// On success librdkafka owns `headers`; on failure the caller still owns them and must destroy them.
/// Returns RD_KAFKA_RESP_ERR_NO_ERROR or the enqueue error (e.g. __QUEUE_FULL).
static inline rd_kafka_resp_err_t pesagate_produce(rd_kafka_t *rk,
                                                   rd_kafka_topic_t *rkt,
                                                   int32_t partition,
                                                   const void *key, size_t key_len,
                                                   const void *value, size_t value_len,
                                                   rd_kafka_headers_t *headers,
                                                   void *opaque) {
    rd_kafka_vu_t vus[7];
    size_t n = 0;
    vus[n].vtype = RD_KAFKA_VTYPE_RKT;
    vus[n++].u.rkt = rkt;
    vus[n].vtype = RD_KAFKA_VTYPE_PARTITION;
    vus[n++].u.i32 = partition;
    // F_COPY: librdkafka copies key and value, so Swift buffers need only live for this call.
    vus[n].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
    vus[n++].u.i = RD_KAFKA_MSG_F_COPY;
    vus[n].vtype = RD_KAFKA_VTYPE_VALUE;
    vus[n].u.mem.ptr = (void *)value;
    vus[n++].u.mem.size = value_len;
    if (key != NULL) {
        vus[n].vtype = RD_KAFKA_VTYPE_KEY;
        vus[n].u.mem.ptr = (void *)key;
        vus[n++].u.mem.size = key_len;
    }
    vus[n].vtype = RD_KAFKA_VTYPE_OPAQUE;
    vus[n++].u.ptr = opaque;
    if (headers != NULL) {
        vus[n].vtype = RD_KAFKA_VTYPE_HEADERS;
        vus[n++].u.headers = headers;
    }
    rd_kafka_error_t *error = rd_kafka_produceva(rk, vus, n);
    if (error == NULL) {
        return RD_KAFKA_RESP_ERR_NO_ERROR;
    }
    rd_kafka_resp_err_t code = rd_kafka_error_code(error);
    rd_kafka_error_destroy(error);
    return code;
}

/// The partition list element at `index`: Swift sees `elems` as a typed pointer already, but this keeps
/// index arithmetic on the C side where the struct layout is defined.
static inline rd_kafka_topic_partition_t *pesagate_partition_at(rd_kafka_topic_partition_list_t *list, int index) {
    return &list->elems[index];
}

#endif
