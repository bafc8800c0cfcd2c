package main

import (
	"debug/macho"
	"encoding/binary"
	"fmt"
	"os"
)

// fatAlign is each slice's alignment in a universal binary: 2^14, the page size of Apple
// silicon (and a multiple of Intel's), as Apple's lipo aligns arm64 slices.
const fatAlign = 14

// writeUniversal writes a universal ("fat") Mach-O binary holding each of the given
// single-architecture binaries unchanged, so that one file runs natively on Intel and
// Apple silicon Macs. Go's linker signs each arm64 slice ad hoc, and a signature covers
// its slice alone, so it stays valid inside the universal file. The format is Apple's
// <mach-o/fat.h>: a big-endian header, one fat_arch record a slice, then the slices.
func writeUniversal(out string, slices ...string) error {
	type slice struct {
		cpu, sub uint32
		data     []byte
	}
	var ss []slice
	for _, path := range slices {
		f, err := macho.Open(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		cpu, sub := uint32(f.Cpu), f.SubCpu
		f.Close()
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ss = append(ss, slice{cpu: cpu, sub: sub, data: data})
	}
	const headerSize, archSize = 8, 20
	buf := make([]byte, headerSize+archSize*len(ss))
	binary.BigEndian.PutUint32(buf[0:], macho.MagicFat)
	binary.BigEndian.PutUint32(buf[4:], uint32(len(ss)))
	offset := alignUp(uint64(len(buf)), 1<<fatAlign)
	var body []byte
	for i, s := range ss {
		if offset+uint64(len(s.data)) > 1<<32-1 {
			return fmt.Errorf("a universal binary over 4 GiB needs the 64-bit fat format")
		}
		rec := buf[headerSize+archSize*i:]
		binary.BigEndian.PutUint32(rec[0:], s.cpu)
		binary.BigEndian.PutUint32(rec[4:], s.sub)
		binary.BigEndian.PutUint32(rec[8:], uint32(offset))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(s.data)))
		binary.BigEndian.PutUint32(rec[16:], fatAlign)
		start := offset - uint64(len(buf)) // where the slice starts within body
		body = append(body, make([]byte, start-uint64(len(body)))...)
		body = append(body, s.data...)
		offset = alignUp(offset+uint64(len(s.data)), 1<<fatAlign)
	}
	return os.WriteFile(out, append(buf, body...), 0o755)
}

func alignUp(n, to uint64) uint64 { return (n + to - 1) / to * to }
