package perceptron

// Features are 64-bit hashes rather than strings: building "w-1=the"
// strings per token would allocate and dominate run time, and with a few
// million features a 64-bit collision is practically impossible.

// FNV-1a parameters. They are exported because callers fold bytes into a
// hash as they normalise them, to avoid building the normalised string.
const (
	FNVOffset = 14695981039346656037
	FNVPrime  = 1099511628211
)

// HashString is the 64-bit FNV-1a hash of s.
func HashString[T string | []byte](s T) uint64 {
	h := uint64(FNVOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= FNVPrime
	}
	return h
}

// Mix is the splitmix64 finaliser; it spreads combined hashes so that keys
// of different templates do not cluster in the weight table.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Feat1 is the key of template t applied to one value.
func Feat1(t int, a uint64) uint64 { return Mix(a + uint64(t)*0x9e3779b97f4a7c15) }

// Feat2 is the key of template t applied to two values. Keys of more
// values are combined differently by each package, so they stay there.
func Feat2(t int, a, b uint64) uint64 { return Mix(Feat1(t, a) ^ b) }
