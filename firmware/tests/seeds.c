/* Writes the wire bytes of every line of test-fixtures/protocol-vectors.txt as a libFuzzer seed file
 * (mode byte 0: raw wire bytes). Usage: seeds VECTORS_FILE OUTPUT_DIR */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char line[4096], path[1024];
    int n = 0;
    FILE *in;
    if (argc != 3 || !(in = fopen(argv[1], "r"))) {
        fprintf(stderr, "usage: seeds VECTORS_FILE OUTPUT_DIR\n");
        return 2;
    }
    while (fgets(line, sizeof line, in)) {
        char *hex, *end;
        FILE *out;
        unsigned byte;
        if (line[0] == '#' || !(hex = strstr(line, " | ")) || !(hex = strstr(hex + 3, " | ")))
            continue;
        hex += 3;
        end = strstr(hex, " | ");
        if (!end)
            continue;
        snprintf(path, sizeof path, "%s/seed-%03d", argv[2], n++);
        if (!(out = fopen(path, "wb"))) {
            perror(path);
            return 1;
        }
        fputc(0, out);
        for (; hex + 1 < end && sscanf(hex, "%2x", &byte) == 1; hex += 2)
            fputc((int)byte, out);
        fclose(out);
        /* decodable frames also as a mode-1 seed: length, ver, seq, type, payload (the fuzzer adds the CRC) */
        {
            unsigned ver, seq, type;
            char payload[400] = "";
            const char *p;
            if (sscanf(end + 3, "OK ver=%u seq=%u type=%u payload=%399s", &ver, &seq, &type, payload) != 4)
                continue;
            snprintf(path, sizeof path, "%s/seed-%03d", argv[2], n++);
            if (!(out = fopen(path, "wb"))) {
                perror(path);
                return 1;
            }
            fputc(1, out);
            fputc((int)(3 + (payload[0] == '-' ? 0 : strlen(payload) / 2)), out);
            fputc((int)ver, out);
            fputc((int)seq, out);
            fputc((int)type, out);
            for (p = payload; payload[0] != '-' && p[0] && p[1] && sscanf(p, "%2x", &byte) == 1; p += 2)
                fputc((int)byte, out);
            fclose(out);
        }
    }
    fclose(in);
    printf("%d seeds\n", n);
    return 0;
}
