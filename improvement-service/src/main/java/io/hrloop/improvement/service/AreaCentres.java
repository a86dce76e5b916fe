package io.hrloop.improvement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.AreaCentre;
import io.hrloop.text.Embedder;
import io.hrloop.text.GapSimilarity;
import io.hrloop.text.RunningMean;

/**
 * The centre of each area (table {@code area_centre}): the running mean of the embeddings of every feedback comment
 * about it, which matching subtracts so that an area's own subject does not make its complaints alike. A row holds a
 * sum and a count, so adding a comment costs the same however many came before. Callers hold the area's lock.
 */
@ApplicationScoped
public class AreaCentres {

    private final Embedder embedder;
    private final Times times;

    public AreaCentres(Embedder embedder, Times times) {
        this.embedder = embedder;
        this.times = times;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String area, float[] embedding) {
        AreaCentre row = AreaCentre.findById(area);
        RunningMean mean = row == null ? new RunningMean(embedder.dimensions()) : row.mean();
        mean.add(embedding);
        if (row == null) {
            row = new AreaCentre();
            row.area = area;
        }
        row.centre = mean.toBytes();
        row.updatedAt = times.nowUtc();
        row.persist();
    }

    /** An erased comment no longer counts in its area's centre. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String area, float[] embedding) {
        AreaCentre row = AreaCentre.findById(area);
        if (row != null) {
            RunningMean mean = row.mean();
            mean.remove(embedding);
            row.centre = mean.toBytes();
            row.updatedAt = times.nowUtc();
        }
    }

    /** The centre matching uses: the area's mean drawn towards the mean of all HR feedback. */
    public float[] centre(String area) {
        AreaCentre row = AreaCentre.findById(area);
        return GapSimilarity.areaCentre(row == null ? null : row.mean());
    }
}
