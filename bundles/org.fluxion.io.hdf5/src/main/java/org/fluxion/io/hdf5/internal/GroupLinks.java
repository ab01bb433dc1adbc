package org.fluxion.io.hdf5.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jhdf.GroupSymbolTableNode;
import io.jhdf.HdfFile;
import io.jhdf.LocalHeap;
import io.jhdf.ObjectHeader;
import io.jhdf.SymbolTableEntry;
import io.jhdf.btree.BTreeV1;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.object.message.SymbolTableMessage;
import io.jhdf.storage.HdfBackingStorage;

/**
 * The names and object-header addresses of a group's hard links, read through jhdf's public B-tree,
 * local-heap and link-message classes without parsing the children's object headers. This is the
 * path around jhdf 0.13.0's failure on a negative ENUM member: loading a group's children parses
 * every child and fails as a whole, while {@link HdfFile#getNodeByAddress} opens one child at a time,
 * so every table without such an enum stays readable. Old-style (symbol table) groups, as written by
 * HDF5 1.8 defaults, IceCube's hdfwriter, h5py and PyTables, and compact new-style groups are
 * supported; dense link storage (more than 8 links with the 1.10+ format) is not. Stateless.
 */
final class GroupLinks {
    private GroupLinks() {
    }

    /**
     * @return link name → object header address, in storage order (name order for old-style groups)
     * @throws UnsupportedOperationException for dense link storage
     */
    static Map<String, Long> of(HdfFile hdf, long groupAddress) {
        HdfBackingStorage storage = hdf.getHdfBackingStorage();
        ObjectHeader header = ObjectHeader.readObjectHeader(storage, groupAddress);
        Map<String, Long> out = new LinkedHashMap<>();
        if (header.hasMessageOfType(SymbolTableMessage.class)) {
            SymbolTableMessage stm = header.getMessageOfType(SymbolTableMessage.class);
            ByteBuffer names = new LocalHeap(storage, stm.getLocalHeapAddress()).getDataBuffer();
            BTreeV1 tree = BTreeV1.createGroupBTree(storage, stm.getBTreeAddress());
            for (long node : tree.getChildAddresses()) {
                for (SymbolTableEntry e : new GroupSymbolTableNode(storage, node).getSymbolTableEntries()) {
                    out.put(nullTerminated(names, e.getLinkNameOffset()), e.getObjectHeaderAddress());
                }
            }
            return out;
        }
        if (header.hasMessageOfType(LinkMessage.class)) {
            for (LinkMessage lm : header.getMessagesOfType(LinkMessage.class)) {
                if (lm.getLinkType() == LinkMessage.LinkType.HARD) {
                    out.put(lm.getLinkName(), lm.getHardLinkAddress());
                }
            }
            return out;
        }
        throw new UnsupportedOperationException("group at address " + groupAddress
                + " stores its links densely (fractal heap); listing them without jhdf's group loader is not supported");
    }

    private static String nullTerminated(ByteBuffer heap, int offset) {
        int end = offset;
        while (end < heap.limit() && heap.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - offset];
        heap.duplicate().position(offset).get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
